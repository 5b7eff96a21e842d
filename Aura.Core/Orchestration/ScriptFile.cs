using Aura.Core.Providers;

namespace Aura.Core.Orchestration;

/// <summary><c>script.json</c>: the script as the Script stage wrote it, read back on resume.</summary>
public static class ScriptFile
{
    public static Task WriteAsync(string path, VideoScript script, CancellationToken cancellationToken) =>
        AtomicFile.WriteJsonAsync(path, script, cancellationToken);

    public static Task<VideoScript> ReadAsync(string path, CancellationToken cancellationToken) =>
        AtomicFile.ReadJsonAsync<VideoScript>(path, cancellationToken);
}
