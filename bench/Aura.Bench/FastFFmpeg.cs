using System.Diagnostics;
using System.Runtime.Versioning;

namespace Aura.Bench;

/// <summary>
/// A stand-in ffmpeg for the throughput part: it answers <c>-version</c> and <c>-encoders</c> as the
/// service's start-up check wants (as the tests' TempFolder.FakeFFmpeg does), and for any other run
/// copies a sample made once by the real FFmpeg (a 160x90 PNG, a 5 s 160x90 MP4 with sound) over each
/// output the service named (its <c>.partial.</c> file), reports <c>progress=end</c> and exits 0. So a
/// job walks every stage, the service's own work and events included, with no encoding cost.
/// </summary>
public sealed class FastFFmpeg : IDisposable
{
    private const string Script = """
        #!/bin/sh
        for a in "$@"; do
          case "$a" in
            -version) echo "ffmpeg version 6.1-fast-stand-in"; exit 0 ;;
            -encoders) echo " V....D libx264              libx264 H.264 / AVC"; exit 0 ;;
          esac
        done
        for a in "$@"; do
          case "$a" in
            *.partial.png) cp "$SAMPLES/sample.png" "$a" ;;
            *.partial.mp4) cp "$SAMPLES/sample.mp4" "$a" ;;
            *.partial.*) : > "$a" ;;
          esac
        done
        echo "out_time_us=5000000"
        echo "progress=end"
        exit 0
        """;

    private readonly string _folder;

    private FastFFmpeg(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    [SupportedOSPlatform("linux")]
    public static async Task<FastFFmpeg> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("aura-bench-ffmpeg-").FullName;
        await RealFFmpegAsync("-f", "lavfi", "-i", "color=c=navy:s=160x90", "-frames:v", "1", System.IO.Path.Combine(folder, "sample.png"));
        await RealFFmpegAsync("-f", "lavfi", "-i", "color=c=navy:s=160x90:r=1:d=5", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono",
            "-t", "5", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", System.IO.Path.Combine(folder, "sample.mp4"));
        var path = System.IO.Path.Combine(folder, "ffmpeg");
        var script = Script.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("#!/bin/sh\n", $"#!/bin/sh\nSAMPLES='{folder}'\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FastFFmpeg(folder, path);
    }

    private static async Task RealFFmpegAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-y", "-v", "error" }.Concat(args))
            start.ArgumentList.Add(arg);
        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started");
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        if (ffmpeg.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg could not make the throughput samples: {errors}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
