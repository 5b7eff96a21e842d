using System.Text;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>
/// The text of the SSE wire format (WHATWG HTML, "Server-sent events"). Pure. Data with line
/// breaks goes out as several <c>data:</c> lines (the client joins them with \n); a batch carries
/// <c>id:</c> on its last event only, so a client that reconnects resumes after the whole batch.
/// </summary>
public static class SseFraming
{
    public static string Retry(int milliseconds) => $"retry: {milliseconds}\n\n";

    /// <summary>A comment line; line breaks in <paramref name="text"/> would end it, so they become spaces.</summary>
    public static string Comment(string text) => $": {Flatten(text)}\n\n";

    public static string Event(SseMessage message, long? id = null)
    {
        var text = new StringBuilder();
        AppendEvent(text, message, id);
        return text.ToString();
    }

    public static string Batch(IReadOnlyList<SseMessage> messages, long id)
    {
        var text = new StringBuilder();
        for (var i = 0; i < messages.Count; i++)
            AppendEvent(text, messages[i], i == messages.Count - 1 ? id : null);
        return text.ToString();
    }

    private static void AppendEvent(StringBuilder text, SseMessage message, long? id)
    {
        text.Append("event: ").Append(Flatten(message.Event)).Append('\n');
        foreach (var line in message.Data.ReplaceLineEndings("\n").Split('\n'))
            text.Append("data: ").Append(line).Append('\n');
        if (id is { } value)
            text.Append("id: ").Append(value).Append('\n');
        text.Append('\n');
    }

    private static string Flatten(string text) => text.ReplaceLineEndings(" ");
}
