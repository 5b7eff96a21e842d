namespace Aura.Tests.Support;

/// <summary>The service's own log files (<c>aura-*.log</c>), read while the service still writes them.</summary>
public static class LogFiles
{
    /// <summary>Every line of every log file in <paramref name="logsFolder"/> so far; none when the folder is not made yet.</summary>
    public static List<string> Lines(string logsFolder) => Directory.Exists(logsFolder)
        ? Directory.GetFiles(logsFolder, "aura-*.log").SelectMany(ReadShared).ToList()
        : [];

    private static string[] ReadShared(string path)
    {
        // The service keeps the file open (shared, for several nodes): read beside its writer.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd().Split('\n');
    }
}
