using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <summary>
/// The one home of how a <see cref="JobSnapshot"/> is kept as JSON (by the SQLite store, and by any
/// later shared store): camelCase, enums as their names, times as ISO-8601 with their offset,
/// <see cref="TimeSpan"/> as <c>hh:mm:ss</c>. Only state is kept: properties that are computed
/// from other ones (<c>phase</c>, <c>isTerminal</c>) are left out, so a changed rule for them also
/// applies to rows written before the change.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(JobSnapshot job) => JsonSerializer.Serialize(job, Options);

    public static JobSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<JobSnapshot>(json, Options)
        ?? throw new JsonException("a stored job snapshot is the JSON literal null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputedProperties } },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A property without a setter (not even <c>init</c>) is derived, not state.</summary>
    private static void LeaveOutComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Set is null && type.Properties[i].AssociatedParameter is null)
                type.Properties.RemoveAt(i);
        }
    }
}
