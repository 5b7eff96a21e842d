using Aura.Core.Jobs;
using Aura.Core.Orchestration;
using Aura.Core.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Rendering;

/// <summary>A temp folder of a test's own, removed afterwards, with helpers to make jobs, runners and fake ffmpegs in it.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "aura-rendering-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Root, name);

    public JobContext Job(string jobId = "job-1", string correlationId = "corr-1") =>
        new(jobId, correlationId, JobRequest.ForTopic("A topic"), Root, Path.Combine(Root, "Logs", "ffmpeg", jobId + ".log"), 1);

    /// <summary>A fake ffmpeg: a <c>#!/bin/sh</c> script, made executable.</summary>
    public string Script(string name, string body)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public static FFmpegProcessRunner Runner(string? ffmpegPath = null, TimeSpan? killGrace = null)
    {
        var options = Options.Create(new FFmpegOptions { Path = ffmpegPath, KillGracePeriod = killGrace ?? TimeSpan.FromSeconds(5) });
        return new FFmpegProcessRunner(options, new FFmpegLocator(options, TimeProvider.System),
            new FFmpegLogWriter(TimeProvider.System), TimeProvider.System, NullLogger<FFmpegProcessRunner>.Instance);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
