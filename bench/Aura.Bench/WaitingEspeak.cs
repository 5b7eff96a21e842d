using System.Runtime.Versioning;

namespace Aura.Bench;

/// <summary>
/// A stand-in for espeak-ng that answers <c>--version</c> like the real one and otherwise just waits:
/// a job that reaches the Voice stage stays there, Running, without spending any CPU, so the streams
/// that follow it are idle and non-terminal. The wait is bounded; the service's process-tree kill
/// ends it sooner.
/// </summary>
public sealed class WaitingEspeak : IDisposable
{
    private const string Script = """
        #!/bin/sh
        if [ "$1" = "--version" ]; then echo "eSpeak NG text-to-speech: 1.51 (stand-in for Aura.Bench)"; exit 0; fi
        exec sleep 300
        """;

    private readonly string _folder;

    private WaitingEspeak(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    [SupportedOSPlatform("linux")]
    public static WaitingEspeak Create()
    {
        var folder = Directory.CreateTempSubdirectory("aura-bench-espeak-").FullName;
        var path = System.IO.Path.Combine(folder, "espeak-ng");
        File.WriteAllText(path, Script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new WaitingEspeak(folder, path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
