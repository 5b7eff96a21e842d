using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>The real service started over a database it cannot use, or without its database at all.</summary>
public sealed class BadDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DataFolder => _folder.Combine("data");

    private string LogsFolder => _folder.Combine("logs");

    private string DatabasePath => Path.Combine(DataFolder, "aura.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_garbage_database_stops_the_start_with_one_line_that_names_the_file_and_the_remedy()
    {
        Directory.CreateDirectory(DataFolder);
        await File.WriteAllBytesAsync(DatabasePath, Enumerable.Range(0, 16384).Select(i => (byte)(i * 31 + 7)).ToArray());

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(DataFolder, LogsFolder);

        AssertRefused(exitCode, output, "is not a SQLite database", "move the file aside");
    }

    [Fact]
    public async Task A_read_only_database_stops_the_start_with_one_line_that_says_to_make_it_writable()
    {
        using (var first = await ServiceProcess.StartAsync(DataFolder, LogsFolder))
            first.Kill();
        using var unwritable = new UnwritableFile(DatabasePath);

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(DataFolder, LogsFolder);

        AssertRefused(exitCode, output, "is read-only", "writable");
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("emptied")]
    public async Task A_lost_database_over_three_job_folders_keeps_all_three_and_warns_with_the_count(string lost)
    {
        Directory.CreateDirectory(DataFolder);
        if (lost == "emptied")
            await File.WriteAllBytesAsync(DatabasePath, []);
        var videos = Enumerable.Range(1, 3).Select(i => Path.Combine(DataFolder, "jobs", $"{i:D32}", "video.mp4")).ToList();
        foreach (var video in videos)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(video)!);
            await File.WriteAllTextAsync(video, "a user's video");
        }

        using var service = await ServiceProcess.StartAsync(DataFolder, LogsFolder);

        await Eventually.TrueAsync(() => ServiceLog().Contains("The job store knows no jobs, yet 3 job folders exist", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the service did not warn that its store knows none of the 3 job folders");
        Assert.All(videos, video => Assert.True(File.Exists(video), $"{video} must survive a missing database"));
        Assert.DoesNotContain("Removed the work folders", ServiceLog(), StringComparison.Ordinal);
    }

    private void AssertRefused(int exitCode, string output, string problem, string remedy)
    {
        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), l => l.Contains(DatabasePath, StringComparison.Ordinal));
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Contains(remedy, line, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Everything the service has logged to its files so far (read beside the service, which keeps writing).</summary>
    private string ServiceLog()
    {
        if (!Directory.Exists(LogsFolder))
            return "";
        return string.Concat(Directory.EnumerateFiles(LogsFolder, "aura-*.log").Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
    }
}
