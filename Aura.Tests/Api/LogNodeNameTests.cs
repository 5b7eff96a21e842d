using System.Text.RegularExpressions;

namespace Aura.Tests.Api;

/// <summary>Several nodes may append to one shared log file: every line names the node (machine and process) that wrote it.</summary>
public sealed partial class LogNodeNameTests
{
    [Fact]
    public async Task Every_line_of_the_log_file_names_its_machine_and_process_after_the_time()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await client.WaitForEndAsync(jobId);

        List<string> Lines() => LogFiles.Lines(app.LogsFolder)
            .Where(l => Timestamp().IsMatch(l)).ToList();
        await Eventually.TrueAsync(() => Lines().Any(l => l.Contains($"Job {jobId}", StringComparison.Ordinal) && l.Contains("ended Succeeded", StringComparison.Ordinal)),
            because: "the job's end was not logged");
        var lines = Lines();

        // This test's process hosts the service, so its pid is the node's.
        var node = $"{Environment.MachineName}/{Environment.ProcessId}";
        Assert.All(lines, l => Assert.Matches($"{TimestampPattern} {Regex.Escape(node)} \\[[A-Z]{{3}}\\] ", l));
    }

    private const string TimestampPattern = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z";

    [GeneratedRegex(TimestampPattern)]
    private static partial Regex Timestamp();
}
