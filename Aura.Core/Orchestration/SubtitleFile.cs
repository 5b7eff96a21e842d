using System.Globalization;
using System.Text;
using Aura.Core.Providers;

namespace Aura.Core.Orchestration;

/// <summary><c>video.srt</c>: one cue per scene, shown while its narration is spoken.</summary>
public static class SubtitleFile
{
    public static Task WriteAsync(string path, VideoScript script, Timeline timeline, CancellationToken cancellationToken)
    {
        var srt = new StringBuilder();
        foreach (var scene in timeline.Scenes)
        {
            srt.Append(CultureInfo.InvariantCulture, $"{scene.Index + 1}\n{Time(scene.Start)} --> {Time(scene.Start + scene.Narration)}\n");
            srt.Append(script.Scenes[scene.Index].Narration.ReplaceLineEndings(" ").Trim()).Append("\n\n");
        }
        return AtomicFile.WriteTextAsync(path, srt.ToString(), cancellationToken);
    }

    private static string Time(TimeSpan t) => t.ToString(@"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);
}
