using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Aura.Core.Kernel;

/// <summary>
/// The JSON of the files the service writes beside a job's media and in its run folder
/// (<c>script.json</c>, the stage checkpoints, the timeline, child-process pid files): camelCase,
/// indented, and every script's letters left readable, because people open these files.
/// One of the service's JSON sets, each named for its purpose: this one for files, <c>StoreJson</c>
/// for the store's records, <c>WireJson</c> (in the API) for what clients read.
/// </summary>
public static class FileJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            // Characters that matter to HTML are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
