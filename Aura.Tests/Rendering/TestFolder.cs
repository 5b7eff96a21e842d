using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Media.Processes;
using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Rendering;

/// <summary>A temp folder of a test's own, removed afterwards, with helpers to make jobs, runners and fake ffmpegs in it.</summary>
internal sealed class TestFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public string File(string name) => _folder.File(name);

    public JobContext Job(string jobId = "job-1", string correlationId = "corr-1") =>
        new(jobId, correlationId, JobRequest.ForTopic("A topic"), Root, Path.Combine(Root, "Logs", "ffmpeg", jobId + ".log"), 1);

    /// <summary>A fake ffmpeg: a <c>#!/bin/sh</c> script, made executable.</summary>
    public string Script(string name, string body) => _folder.Script(name, body);

    public static FFmpegProcessRunner Runner(string? ffmpegPath = null, TimeSpan? killGrace = null, ChildProcessRegistry? children = null)
    {
        var options = Options.Create(new FFmpegOptions { Path = ffmpegPath, KillGracePeriod = killGrace ?? TimeSpan.FromSeconds(5) });
        return new FFmpegProcessRunner(options, new FFmpegLocator(options, TimeProvider.System),
            new FFmpegLogWriter(TimeProvider.System), TimeProvider.System, NullLogger<FFmpegProcessRunner>.Instance, children);
    }

    public void Dispose() => _folder.Dispose();
}
