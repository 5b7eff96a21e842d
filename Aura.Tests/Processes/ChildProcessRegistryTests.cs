using System.Diagnostics;
using System.Text.Json;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Media.Processes;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aura.Tests.Processes;

/// <summary>Pid files of FFmpeg children, and stopping at start the ones a killed service left: never a stranger's process.</summary>
public sealed class ChildProcessRegistryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<Process> _started = [];

    public void Dispose()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited)
                process.Kill();
            process.Dispose();
        }
        _folder.Dispose();
    }

    private ChildProcessRegistry Registry() => new(_folder.Combine("run"), NullLogger<ChildProcessRegistry>.Instance);

    /// <summary>A long-running stand-in for FFmpeg whose command line names <paramref name="partial"/>, as FFmpeg's names its output.</summary>
    private Process StartChild(string partial)
    {
        File.WriteAllText(partial, "half a video");
        var process = Process.Start(new ProcessStartInfo("tail", ["-f", partial]) { RedirectStandardOutput = true })!;
        _started.Add(process);
        return process;
    }

    /// <summary>A pid file as an earlier service process (our pid, but another start time: a restart reused it) wrote it.</summary>
    private void WriteRecordOfAnEarlierService(ChildProcessRecord record)
    {
        Directory.CreateDirectory(_folder.Combine("run"));
        File.WriteAllText(_folder.Combine("run", $"{Guid.NewGuid():N}.json"), JsonSerializer.Serialize(record, FileJson.Options));
    }

    private ChildProcessRecord RecordOf(Process child, string partial, long? startTicks = null, string? marker = null) =>
        new(child.Id, startTicks ?? ProcFs.StartTicks(child.Id)!.Value, marker ?? partial, "job-1", Environment.ProcessId, ServiceStartTicks: 0, [partial]);

    [Fact]
    public void A_child_left_by_an_earlier_service_is_stopped_and_its_partial_file_and_pid_file_removed()
    {
        var partial = _folder.File("video.abc.partial.mp4");
        var child = StartChild(partial);
        WriteRecordOfAnEarlierService(RecordOf(child, partial));

        var stopped = Registry().StopLeftovers(TimeSpan.FromSeconds(30));

        Assert.Equal(1, stopped);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.False(File.Exists(partial));
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("run")));
    }

    [Fact]
    public void A_child_whose_pid_was_never_recorded_is_found_by_its_output_path_and_stopped()
    {
        var partial = _folder.File("video.0f1e2d3c4b5a.partial.mp4");
        var child = StartChild(partial);
        // The service died between writing the pid file and learning the child's pid.
        WriteRecordOfAnEarlierService(RecordOf(child, partial) with { Pid = null, StartTicks = null });

        var stopped = Registry().StopLeftovers(TimeSpan.FromSeconds(30));

        Assert.Equal(1, stopped);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.False(File.Exists(partial));
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("run")));
    }

    [Theory]
    [InlineData(true, false)] // same pid, another start time: the pid was recycled
    [InlineData(false, true)] // same pid and start, but its command line does not name the output
    public void A_process_that_only_shares_the_pid_is_never_signaled(bool otherStart, bool otherCommandLine)
    {
        var partial = _folder.File("video.abc.partial.mp4");
        var stranger = StartChild(partial);
        var ticks = ProcFs.StartTicks(stranger.Id)!.Value;
        // The record's own temporary file is another one: removing it must not pull the stranger's file
        // from under it (a tail that has not opened its file yet would exit, as if signalled).
        var recordedFile = _folder.File("video.abc.partial.mp4.left");
        File.WriteAllText(recordedFile, "half a video");
        WriteRecordOfAnEarlierService(RecordOf(stranger, partial,
            startTicks: otherStart ? ticks - 1 : ticks, marker: otherCommandLine ? "video.other.partial.mp4" : partial) with { Files = [recordedFile] });

        var stopped = Registry().StopLeftovers(TimeSpan.FromSeconds(30));

        Assert.Equal(0, stopped);
        Assert.False(stranger.HasExited);
        Assert.False(File.Exists(recordedFile));
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("run")));
    }

    [Fact]
    public void The_children_of_a_service_that_still_runs_are_left_alone_until_they_end()
    {
        var partial = _folder.File("card-01.abc.partial.png");
        var child = StartChild(partial);
        var registry = Registry();
        var pidFile = registry.Track(partial, "job-1", [partial]);
        pidFile.Started(child.Id);

        var stopped = Registry().StopLeftovers(TimeSpan.FromSeconds(30));

        Assert.Equal(0, stopped);
        Assert.False(child.HasExited);
        Assert.Single(Directory.EnumerateFiles(_folder.Combine("run")));
        pidFile.Dispose();
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("run")));
    }
}
