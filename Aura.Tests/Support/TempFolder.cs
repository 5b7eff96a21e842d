namespace Aura.Tests.Support;

/// <summary>A folder of a test's own, removed with everything in it when the test is done.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aura-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A <c>#!/bin/sh</c> script (a fake ffmpeg or espeak-ng), made executable.</summary>
    public string Script(string name, string body)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>
    /// A fake <c>ffmpeg</c> that passes the service's start-up check (<c>-version</c>, <c>-encoders</c>
    /// with libx264) and runs <paramref name="body"/> for every other call.
    /// </summary>
    public string FakeFFmpeg(string body) => Script("ffmpeg", """
        for a in "$@"; do
          case "$a" in
            -version) echo "ffmpeg version 6.1-fake"; exit 0 ;;
            -encoders) echo " V....D libx264              libx264 H.264 / AVC"; exit 0 ;;
          esac
        done

        """ + body);

    public void Dispose()
    {
        // AURA_KEEP_TEST_FILES=1 keeps the folder, to look at what a run made.
        if (Environment.GetEnvironmentVariable("AURA_KEEP_TEST_FILES") == "1")
            return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not yet let go of a file; the OS temp cleaner takes it later.
        }
    }
}
