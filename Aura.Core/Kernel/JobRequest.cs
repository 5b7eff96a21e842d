namespace Aura.Core.Kernel;

/// <summary>What the user asked for. Every part has a default except the topic.</summary>
public sealed record JobRequest(Brief Brief, PlanSpec PlanSpec, VoiceSpec VoiceSpec, RenderSpec RenderSpec)
{
    public static JobRequest ForTopic(string topic) =>
        new(new Brief(topic), new PlanSpec(), new VoiceSpec(), new RenderSpec());
}
