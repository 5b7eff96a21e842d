namespace Aura.Core.Kernel;

/// <summary>What the user asked for. Every part has a default except the topic.</summary>
public sealed record JobRequest(Brief Brief, PlanSpec PlanSpec, VoiceSpec VoiceSpec, RenderSpec RenderSpec)
{
    public static JobRequest ForTopic(string topic) =>
        new(new Brief(topic), new PlanSpec(), new VoiceSpec(), new RenderSpec());
}

public sealed record Brief(
    string Topic,
    string Audience = "general",
    string Goal = "explain",
    string Tone = "friendly",
    string Language = "en");

public sealed record PlanSpec(TimeSpan TargetDuration, string Pacing = "Conversational")
{
    public PlanSpec() : this(TimeSpan.FromSeconds(30)) { }
}

public sealed record VoiceSpec(string VoiceName = "en", double Rate = 1.0);

public sealed record Resolution(int Width, int Height);

public sealed record RenderSpec(
    Resolution Res,
    int Fps = 30,
    string Container = "mp4",
    int VideoBitrateK = 2500,
    int AudioBitrateK = 128)
{
    public RenderSpec() : this(new Resolution(1280, 720)) { }
}
