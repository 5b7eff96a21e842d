namespace Aura.Tests.Support;

/// <summary>A folder of a test's own, removed when the test is done.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aura-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not yet let go of a file; the OS cleans temp in time.
        }
    }
}
