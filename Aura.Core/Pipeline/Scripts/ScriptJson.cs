using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>
/// The format of the <c>script.json</c> artifact: camelCase, indented JSON, durations as "hh:mm:ss.fffffff".
/// The pipeline writes it (atomically) through <c>Orchestration.ScriptFile</c>.
/// </summary>
public static class ScriptJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Letters of every script stay readable; characters that matter to HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(VideoScript script) => JsonSerializer.Serialize(script, Options);

    public static VideoScript Deserialize(string json) =>
        JsonSerializer.Deserialize<VideoScript>(json, Options) ?? throw new JsonException("script.json holds null.");
}
