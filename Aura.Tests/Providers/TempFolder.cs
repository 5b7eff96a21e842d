namespace Aura.Tests.Providers;

/// <summary>A folder of its own for one test, removed with everything in it when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aura-providers-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a process we started may still hold a file for a moment; the OS temp cleaner takes it */ }
    }
}
