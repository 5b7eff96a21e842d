using System.ComponentModel;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Aura.Core.Kernel;
using Aura.Core.Media.Processes;
using CliWrap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Runs FFmpeg through CliWrap: an argument list, never a shell. Progress comes from stdout
/// (<c>-progress pipe:1</c>), stderr goes to a bounded tail and to the job's log block. Cancel
/// interrupts FFmpeg at once (it finishes its file and exits) and kills it with its children when
/// it is still there after <see cref="FFmpegOptions.KillGracePeriod"/>. Each run writes temporary files
/// (<see cref="PartialOutputs"/>) moved over its outputs only on success, and is recorded in
/// <paramref name="children"/> (a pid file) while it runs, so a start after a crash can stop it; the
/// <paramref name="launcher"/> makes it die with the service where the platform allows.
/// </summary>
public sealed partial class FFmpegProcessRunner(
    IOptions<FFmpegOptions> options,
    FFmpegLocator locator,
    FFmpegLogWriter logWriter,
    TimeProvider time,
    ILogger<FFmpegProcessRunner> logger,
    ChildProcessRegistry? children = null,
    ChildProcessLauncher? launcher = null) : IFFmpegRunner
{
    private readonly FFmpegOptions _options = options.Value;

    public async Task RunAsync(FFmpegRun requested, Func<FFmpegProgress, Task>? onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = requested.Job.JobId, ["CorrelationId"] = requested.Job.CorrelationId });

        var ffmpeg = locator.FindFFmpeg() ?? throw new JobFailedException(FFmpegFailureClassifier.NotFound(_options.Path));
        var outputs = new PartialOutputs(requested.OutputFiles);
        DeleteFiles(outputs.Stale());
        var run = requested with { Arguments = outputs.Rewrite(requested.Arguments) };
        var block = logWriter.Begin(run, ffmpeg);
        var tail = new StderrTail(_options.StderrTailBytes);
        var parser = new FFmpegProgressParser(run.ExpectedDuration, time);

        // Graceful: the caller's cancel, or a progress callback that threw. Forceful follows after the grace
        // period, on the real clock: a fake clock in tests must never keep a process alive.
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var forceful = new CancellationTokenSource();
        await using var escalation = graceful.Token.Register(() => forceful.CancelAfter(_options.KillGracePeriod));
        Exception? callbackError = null;

        async Task OnStdoutAsync(string line, CancellationToken _)
        {
            if (parser.Feed(line) is not { } progress || onProgress is null || callbackError is not null)
                return;
            try
            {
                await onProgress(progress);
            }
            catch (Exception error)
            {
                // Stop reading would stall FFmpeg on a full pipe; stop FFmpeg instead and rethrow after.
                callbackError = error;
                await graceful.CancelAsync();
            }
        }

        var (executable, arguments) = launcher?.CommandFor(ffmpeg, run.Arguments) ?? (ffmpeg, run.Arguments);
        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(OnStdoutAsync))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => { tail.Add(line); block.AddStderr(line); }));

        LogStarting(run.Purpose, run.Job.JobId);
        // The first temporary file's path (random part included) is the marker that finds this FFmpeg again;
        // a run without outputs writes nothing another could spoil, and has no such marker.
        using var pidFile = outputs.Partials.Count > 0 ? children?.Track(outputs.Partials[0], run.Job.JobId, outputs.Partials) : null;
        CommandTask<CommandResult> execution;
        try
        {
            execution = launcher?.Start(() => command.ExecuteAsync(forceful.Token, graceful.Token))
                ?? command.ExecuteAsync(forceful.Token, graceful.Token);
        }
        catch (Exception error) when (error is Win32Exception or InvalidOperationException)
        {
            block.AddStderr("[runner] could not start: " + error.Message);
            await WriteLogAsync(block, FFmpegLogWriter.NotStartedExitCode);
            throw new JobFailedException(FFmpegFailureClassifier.NotStartable(ffmpeg, error, run.Job.FFmpegLogPath), error);
        }
        pidFile?.Started(execution.ProcessId);

        CommandResult result;
        try
        {
            result = await execution;
        }
        catch (Exception error) when (graceful.IsCancellationRequested && error is OperationCanceledException or TimeoutException)
        {
            // TimeoutException: CliWrap could not see the killed process exit; nothing more can be done here.
            if (error is TimeoutException)
                LogNotKilled(error, run.Purpose);
            DeleteFiles(outputs.Leftovers());
            await WriteLogAsync(block, FFmpegLogWriter.CanceledExitCode);
            if (callbackError is not null && !cancellationToken.IsCancellationRequested)
                ExceptionDispatchInfo.Throw(callbackError);
            LogCanceled(run.Purpose, run.Job.JobId);
            throw new OperationCanceledException($"FFmpeg ({run.Purpose}) was canceled.", error, cancellationToken);
        }

        if (launcher is not null && launcher.IsWrapperFailure(result.ExitCode, tail.ToString()))
        {
            await WriteLogAsync(block, FFmpegLogWriter.NotStartedExitCode);
            var error = new InvalidOperationException(tail.ToString().Trim());
            throw new JobFailedException(FFmpegFailureClassifier.NotStartable(ffmpeg, error, run.Job.FFmpegLogPath), error);
        }
        await WriteLogAsync(block, result.ExitCode.ToString(CultureInfo.InvariantCulture));
        if (result.ExitCode != 0)
        {
            DeleteFiles(outputs.Leftovers());
            if (await StopSignalExit.IsStopAsync(result.ExitCode, tail.ToString(), cancellationToken))
            {
                LogInterrupted(run.Purpose, run.Job.JobId, result.ExitCode);
                throw new OperationCanceledException($"FFmpeg ({run.Purpose}) was stopped with the service.", cancellationToken);
            }
            var reason = FFmpegFailureClassifier.Classify(result.ExitCode, tail.ToString(), run.Purpose, run.Job.FFmpegLogPath);
            LogFailed(run.Purpose, run.Job.JobId, result.ExitCode, reason.Code);
            throw new JobFailedException(reason);
        }

        outputs.Commit();
        LogCompleted(run.Purpose, run.Job.JobId, result.RunTime.TotalMilliseconds);
        if (run.ExpectedDuration is { } media && media > TimeSpan.Zero && result.RunTime > TimeSpan.Zero)
            RenderInstruments.RenderSpeed.Record(media.TotalSeconds / result.RunTime.TotalSeconds);
        if (onProgress is not null)
            await onProgress(parser.Completed());
    }

    private async Task WriteLogAsync(FFmpegLogBlock block, string exitCode)
    {
        try
        {
            // Not canceled with the run: a canceled run is logged too.
            await logWriter.WriteAsync(block, exitCode, CancellationToken.None);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A full disk must not hide the run's own outcome behind a logging error.
            LogLogWriteFailed(error, block.LogPath);
        }
    }

    private void DeleteFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                LogOutputNotDeleted(error, file);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "FFmpeg {Purpose} starting for job {JobId}")]
    private partial void LogStarting(string purpose, string jobId);

    [LoggerMessage(LogLevel.Information, "FFmpeg {Purpose} for job {JobId} done in {ElapsedMs:0} ms")]
    private partial void LogCompleted(string purpose, string jobId, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "FFmpeg {Purpose} for job {JobId} exited {ExitCode}: {Code}")]
    private partial void LogFailed(string purpose, string jobId, int exitCode, string code);

    [LoggerMessage(LogLevel.Information, "FFmpeg {Purpose} for job {JobId} canceled")]
    private partial void LogCanceled(string purpose, string jobId);

    [LoggerMessage(LogLevel.Information, "FFmpeg {Purpose} for job {JobId} exited {ExitCode} on a signal while the service stops: the job resumes at the next start")]
    private partial void LogInterrupted(string purpose, string jobId, int exitCode);

    [LoggerMessage(LogLevel.Error, "FFmpeg {Purpose} did not exit after it was killed")]
    private partial void LogNotKilled(Exception error, string purpose);

    [LoggerMessage(LogLevel.Warning, "Could not write the FFmpeg log {LogPath}")]
    private partial void LogLogWriteFailed(Exception error, string logPath);

    [LoggerMessage(LogLevel.Warning, "Could not remove the partial output {File}")]
    private partial void LogOutputNotDeleted(Exception error, string file);
}
