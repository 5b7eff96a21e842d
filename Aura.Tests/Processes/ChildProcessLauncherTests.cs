using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Processes;
using Aura.Core.Media.Rendering;
using Aura.Tests.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Processes;

/// <summary>FFmpeg started under setpriv, so that it dies with the service: everything else about a run stays as it was.</summary>
public sealed class ChildProcessLauncherTests : IDisposable
{
    private readonly ChildProcessLauncher _launcher = new(ChildProcessLauncher.FindWrapper(), NullLogger<ChildProcessLauncher>.Instance);

    public void Dispose() => _launcher.Dispose();

    private FFmpegProcessRunner Runner(string ffmpeg)
    {
        var options = Options.Create(new FFmpegOptions { Path = ffmpeg, KillGracePeriod = TimeSpan.FromSeconds(1) });
        return new FFmpegProcessRunner(options, new FFmpegLocator(options, TimeProvider.System), new FFmpegLogWriter(TimeProvider.System),
            TimeProvider.System, NullLogger<FFmpegProcessRunner>.Instance, children: null, launcher: _launcher);
    }

    [SetprivFact]
    public async Task A_run_under_the_wrapper_is_the_program_itself_and_writes_its_output()
    {
        using var folder = new TestFolder();
        var output = folder.File("video.mp4");
        var ffmpeg = folder.Script("ffmpeg", $$"""
            for last in "$@"; do :; done
            echo $$ > '{{folder.File("pid")}}'
            echo $PPID > '{{folder.File("parent")}}'
            echo "a video" > "$last"
            """);

        await Runner(ffmpeg).RunAsync(new FFmpegRun(folder.Job().FFmpeg, "render", ["-y", output], null, [output]), null, CancellationToken.None);

        Assert.True(_launcher.ChildrenDieWithService);
        Assert.Equal("a video", File.ReadAllText(output).Trim());
        // setpriv execs the program in its own place: the service's child is FFmpeg, the pid the pid file records.
        Assert.Equal(Environment.ProcessId, int.Parse(File.ReadAllText(folder.File("parent"))));
    }

    [SetprivFact]
    public async Task A_program_the_wrapper_cannot_execute_is_E302_and_logged_as_not_started()
    {
        using var folder = new TestFolder();
        var broken = folder.File("ffmpeg");
        File.WriteAllText(broken, "#!/no/such/interpreter\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(broken, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var error = await Assert.ThrowsAsync<JobFailedException>(() => Runner(broken).RunAsync(
            new FFmpegRun(folder.Job().FFmpeg, "render", ["-version"], null, []), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegNotFound, error.Reason.Code);
        Assert.Contains("Exit Code: not started", await File.ReadAllTextAsync(folder.Job().FFmpegLogPath));
    }

    [Fact]
    public void Without_the_wrapper_a_program_runs_as_it_is()
    {
        using var plain = new ChildProcessLauncher(null, NullLogger<ChildProcessLauncher>.Instance);

        Assert.False(plain.ChildrenDieWithService);
        var (executable, arguments) = plain.CommandFor("/usr/bin/ffmpeg", ["-version"]);
        Assert.Equal(("/usr/bin/ffmpeg", "-version"), (executable, Assert.Single(arguments)));
        Assert.Equal(42, plain.Start(() => 42));
    }
}
