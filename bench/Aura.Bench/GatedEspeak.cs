using System.Diagnostics;
using System.Runtime.Versioning;

namespace Aura.Bench;

/// <summary>
/// A stand-in espeak-ng that answers <c>--version</c> like the real one, and otherwise waits until the
/// bench drops a token (a file named after the job) into its gate folder, then writes a short WAV made
/// once by the real espeak-ng. So a job waits in the Voice stage, Running and spending no CPU, and each
/// token is exactly one change (the scene's progress) at a moment the bench chooses.
/// </summary>
public sealed class GatedEspeak : IDisposable
{
    private const string Script = """
        #!/bin/sh
        if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 1.51 (gated stand-in for Aura.Bench)"; exit 0; fi
        cat > /dev/null
        wav=""; prev=""
        for a in "$@"; do [ "$prev" = "-w" ] && wav="$a"; prev="$a"; done
        i=0
        while [ $i -lt 36000 ]; do
          for token in "$GATE"/*; do
            [ -e "$token" ] || continue
            case "$wav" in *"$(basename "$token")"*) rm "$token" 2>/dev/null && exec cp "$SAMPLE" "$wav" ;; esac
          done
          sleep 0.05; i=$((i+1))
        done
        exit 1
        """;

    private readonly string _folder;

    private GatedEspeak(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    private string Gate => System.IO.Path.Combine(_folder, "gate");

    [SupportedOSPlatform("linux")]
    public static async Task<GatedEspeak> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("aura-bench-espeak-").FullName;
        var gate = Directory.CreateDirectory(System.IO.Path.Combine(folder, "gate")).FullName;
        var sample = System.IO.Path.Combine(folder, "sample.wav");
        var speak = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-w", sample, "Ready." })
            speak.ArgumentList.Add(arg);
        using (var espeak = Process.Start(speak) ?? throw new InvalidOperationException("espeak-ng could not be started"))
            await espeak.WaitForExitAsync();
        if (!File.Exists(sample))
            throw new InvalidOperationException("espeak-ng wrote no sample WAV; the bench needs the real espeak-ng");

        var path = System.IO.Path.Combine(folder, "espeak-ng");
        var script = Script.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("#!/bin/sh\n", $"#!/bin/sh\nGATE='{gate}'\nSAMPLE='{sample}'\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new GatedEspeak(folder, path);
    }

    /// <summary>Lets the waiting espeak-ng of <paramref name="jobId"/> finish one scene.</summary>
    public void Release(string jobId) => File.WriteAllText(System.IO.Path.Combine(Gate, jobId), "");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
