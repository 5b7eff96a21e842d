using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>The "quick demo": a short offline video that shows the whole pipeline in a few seconds.</summary>
public static class DemoJob
{
    public const string DefaultTopic = "How a narrated video is made from a short brief";

    public static readonly TimeSpan Length = TimeSpan.FromSeconds(12);

    /// <summary>About 12 s at 1280×720, 30 fps; <paramref name="topic"/> when given, else <see cref="DefaultTopic"/>.</summary>
    public static JobRequest Request(string? topic) => new(
        new Brief(string.IsNullOrWhiteSpace(topic) ? DefaultTopic : topic.Trim(), Goal: "demo"),
        new PlanSpec(Length),
        new VoiceSpec(),
        new RenderSpec(new Resolution(1280, 720), Fps: 30, VideoBitrateK: 1500, AudioBitrateK: 96));
}
