using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Aura.Core.Providers.Scripts;

/// <summary>The <c>script.json</c> artifact: the script as camelCase, indented JSON, durations as "hh:mm:ss.fffffff".</summary>
public static class ScriptJson
{
    public const string FileName = "script.json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Letters of every script stay readable; characters that matter to HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(VideoScript script) => JsonSerializer.Serialize(script, Options);

    public static VideoScript Deserialize(string json) =>
        JsonSerializer.Deserialize<VideoScript>(json, Options) ?? throw new JsonException("script.json holds null.");

    public static async Task WriteAsync(VideoScript script, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, script, Options, cancellationToken);
    }
}
