using Aura.Core.Providers;
using Aura.Core.Providers.Scripts;

namespace Aura.Core.Orchestration;

/// <summary><c>script.json</c> in the providers' format (<see cref="ScriptJson"/>), written atomically, read back on resume.</summary>
public static class ScriptFile
{
    public static Task WriteAsync(string path, VideoScript script, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, ScriptJson.Serialize(script), cancellationToken);

    public static async Task<VideoScript> ReadAsync(string path, CancellationToken cancellationToken) =>
        ScriptJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken));
}
