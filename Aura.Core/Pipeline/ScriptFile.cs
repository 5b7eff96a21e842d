using Aura.Core.Pipeline.Scripts;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary><c>script.json</c> in the providers' format (<see cref="ScriptJson"/>), written atomically, read back on resume.</summary>
public static class ScriptFile
{
    public static Task WriteAsync(string path, VideoScript script, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, ScriptJson.Serialize(script), cancellationToken);

    public static async Task<VideoScript> ReadAsync(string path, CancellationToken cancellationToken) =>
        ScriptJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken));
}
