using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Aura.Api.Infrastructure;

/// <summary>
/// Replaces the value of every <c>access_token=</c> in a log event's text properties (the URL and query
/// string that request logging writes, at any level) with <c>[redacted]</c>, before any sink sees the
/// event. Messages are rendered from properties, so the rendered line carries no key either.
/// </summary>
public sealed partial class AccessTokenRedaction : ILogEventEnricher
{
    public const string Replacement = "[redacted]";

    [GeneratedRegex("(access_token=)[^&\\s\"'#]*", RegexOptions.IgnoreCase)]
    private static partial Regex TokenPattern();

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Redact(value) is { } redacted)
                (changed ??= []).Add(new LogEventProperty(name, redacted));
        }
        foreach (var property in changed ?? [])
            logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The value with its tokens redacted, or null when it held none.</summary>
    private static LogEventPropertyValue? Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when TokenPattern().IsMatch(text) => new ScalarValue(TokenPattern().Replace(text, "$1" + Replacement)),
        ScalarValue { Value: { } other } when other is not string && other.ToString() is { } shown && TokenPattern().IsMatch(shown) =>
            new ScalarValue(TokenPattern().Replace(shown, "$1" + Replacement)),
        SequenceValue sequence when sequence.Elements.Any(e => Redact(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Redact(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Redact(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value) ?? p.Value)), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Redact(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value) ?? e.Value))),
        _ => null,
    };
}
