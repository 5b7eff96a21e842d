using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>
/// Where each file of a job lies in its work folder, in one place. Artifact names are the plain
/// file names clients fetch (<c>card-01.png</c>, <c>video.mp4</c>), so they stay unique per job.
/// </summary>
public sealed class WorkLayout(string workFolder)
{
    public const string ScriptName = "script.json";
    public const string NarrationName = "narration.wav";
    public const string SubtitleName = "video.srt"; // job-completed finds the output by these two names
    public const string TimelineName = "timeline.json";
    public const string VideoName = "video.mp4";
    public const string WebSubtitleName = "video.vtt";

    public string Root { get; } = Path.GetFullPath(workFolder);

    public string Script => Path.Combine(Root, ScriptName);

    public string VoiceFolder => Path.Combine(Root, "voice");

    public string TextFolder => Path.Combine(Root, "text");

    public string CheckpointFolder => Path.Combine(Root, "checkpoints");

    public string Narration => Path.Combine(Root, NarrationName);

    public string Subtitles => Path.Combine(Root, SubtitleName);

    /// <summary>The same subtitles as WebVTT, for browsers' &lt;track&gt;.</summary>
    public string WebSubtitles => Path.Combine(Root, WebSubtitleName);

    public string Timeline => Path.Combine(Root, TimelineName);

    public string Video => Path.Combine(Root, VideoName);

    /// <summary>The narration of scene <paramref name="index"/> (0-based), numbered from 1 on disk.</summary>
    public string SceneWav(int index) => Path.Combine(VoiceFolder, $"scene-{Number(index)}.wav");

    public static string CardName(int index) => $"card-{Number(index)}.png";

    public string Card(int index) => Path.Combine(Root, CardName(index));

    /// <summary>A path relative to the work folder, as checkpoints keep them (the folder may move).</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path);

    public string Absolute(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    private static string Number(int index) => (index + 1).ToString("00", CultureInfo.InvariantCulture);
}
