using System.Text.Json;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>
/// The format of the <c>script.json</c> artifact (<see cref="FileJson"/>: camelCase, indented; durations as "hh:mm:ss.fffffff").
/// The pipeline writes it (atomically) through <c>Orchestration.ScriptFile</c>.
/// </summary>
public static class ScriptJson
{
    public static string Serialize(VideoScript script) => JsonSerializer.Serialize(script, FileJson.Options);

    public static VideoScript Deserialize(string json) =>
        JsonSerializer.Deserialize<VideoScript>(json, FileJson.Options) ?? throw new JsonException("script.json holds null.");
}
