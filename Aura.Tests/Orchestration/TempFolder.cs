namespace Aura.Tests.Orchestration;

/// <summary>A fresh folder for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aura-pipeline-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // AURA_KEEP_TEST_FILES=1 keeps the folder to look at what a run made.
        if (Environment.GetEnvironmentVariable("AURA_KEEP_TEST_FILES") == "1")
            return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the OS temp cleaner takes it later.
        }
    }
}
