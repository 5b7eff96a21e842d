using Aura.Api.Sse;

namespace Aura.Tests.Sse;

public sealed class SseFramingTests
{
    [Fact]
    public void An_event_has_its_name_data_and_id_and_ends_with_a_blank_line() =>
        Assert.Equal("event: job-status\ndata: {\"a\":1}\nid: 7\n\n", SseFraming.Event(new("job-status", "{\"a\":1}"), 7));

    [Fact]
    public void Data_on_several_lines_becomes_several_data_lines_whatever_the_line_ending() =>
        Assert.Equal("event: x\ndata: one\ndata: two\ndata: three\n\n", SseFraming.Event(new("x", "one\r\ntwo\rthree")));

    [Fact]
    public void A_batch_carries_the_id_on_its_last_event_only()
    {
        var text = SseFraming.Batch([new("a", "1"), new("b", "2"), new("c", "3")], 42);

        Assert.Equal("event: a\ndata: 1\n\nevent: b\ndata: 2\n\nevent: c\ndata: 3\nid: 42\n\n", text);
    }

    [Fact]
    public void A_comment_cannot_break_out_of_its_line() =>
        Assert.Equal(": keepalive: a b\n\n", SseFraming.Comment("keepalive: a\nb"));

    [Fact]
    public void The_stream_starts_by_telling_clients_how_long_to_wait_before_reconnecting() =>
        Assert.Equal("retry: 3000\n\n", SseFraming.Retry(3000));

    [Fact]
    public async Task Framed_events_read_back_through_an_independent_parser()
    {
        var text = SseFraming.Batch([new("job-status", "{\n\"x\": 1\n}"), new("step-progress", "{}")], 9);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var items = new List<System.Net.ServerSentEvents.SseItem<string>>();
        await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync())
            items.Add(item);

        Assert.Equal(["job-status", "step-progress"], items.Select(i => i.EventType));
        Assert.Equal("{\n\"x\": 1\n}", items[0].Data);
        Assert.Equal("9", items[1].EventId);
    }
}
