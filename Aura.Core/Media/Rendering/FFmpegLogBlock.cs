using System.Globalization;
using System.Text;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// One FFmpeg run's entry in its job's log, gathered in memory while the run goes and appended
/// whole when it ends, so that runs going at once never interleave their lines. Stderr kept for
/// the log is bounded; past the bound the oldest lines give way (the end is where the reason is).
/// </summary>
public sealed class FFmpegLogBlock(FFmpegRun run, string ffmpegPath, DateTimeOffset startedAt, int maxStderrBytes = FFmpegLogBlock.DefaultMaxStderrBytes)
{
    public const int DefaultMaxStderrBytes = 1024 * 1024;
    public const string Rule = "----------------------------------------";

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private int _bytes;
    private int _omitted;

    public string LogPath => run.Job.FFmpegLogPath;

    public void AddStderr(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            _bytes += line.Length + 1;
            while (_bytes > maxStderrBytes && _lines.Count > 1)
            {
                _bytes -= _lines.Dequeue().Length + 1;
                _omitted++;
            }
        }
    }

    /// <param name="exitCode">The exit code, or a word such as "canceled".</param>
    public string Render(DateTimeOffset completedAt, string exitCode)
    {
        var resolution = run.Resolution is { } r ? $"{r.Width}x{r.Height}" : "n/a";
        var text = new StringBuilder()
            .Append("Job ID: ").AppendLine(run.Job.JobId)
            .Append("Correlation ID: ").AppendLine(run.Job.CorrelationId)
            .Append("Started: ").AppendLine(Iso(startedAt))
            .Append("Purpose: ").AppendLine(run.Purpose)
            .Append("Resolution: ").AppendLine(resolution)
            .Append("FFmpeg Path: ").AppendLine(ffmpegPath)
            .Append("Command: ").AppendLine(ShellQuoting.Join(ffmpegPath, run.Arguments))
            .AppendLine(Rule);
        lock (_gate)
        {
            if (_omitted > 0)
                text.Append("[stderr] … ").Append(_omitted).AppendLine(" earlier lines omitted");
            foreach (var line in _lines)
                text.Append("[stderr] ").AppendLine(line);
        }
        return text
            .AppendLine(Rule)
            .Append("Completed: ").AppendLine(Iso(completedAt))
            .Append("Exit Code: ").AppendLine(exitCode)
            .AppendLine()
            .ToString();
    }

    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
