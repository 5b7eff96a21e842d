using Aura.Api.Sse;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Sse;

/// <summary>
/// The one clock of every stream's keep-alive: a due moment's task completes once that moment has passed,
/// never before; moments in the same slot (a tenth of the interval, at most a second) share one task.
/// </summary>
public sealed class KeepAliveWheelTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));
    private KeepAliveWheel _wheel = null!;

    public async Task InitializeAsync()
    {
        _wheel = new KeepAliveWheel(Options.Create(new SseOptions { KeepAliveInterval = TimeSpan.FromSeconds(10) }), _time);
        await _wheel.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _wheel.StopAsync(CancellationToken.None);
        _wheel.Dispose();
    }

    [Fact]
    public async Task A_due_moment_completes_once_it_has_passed_and_not_a_slot_before()
    {
        var start = _time.GetUtcNow();
        var due = _wheel.Due(start + TimeSpan.FromSeconds(10));

        // The slot before it: once it has completed, its tick has run, and the due moment's task must not have.
        _time.Advance(TimeSpan.FromSeconds(9));
        await _wheel.Due(start + TimeSpan.FromSeconds(9)).WaitAsync(Patience);
        Assert.False(due.IsCompleted, "completed a second before it was due");

        _time.Advance(TimeSpan.FromSeconds(1));
        await due.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_moment_inside_a_slot_waits_for_the_slot_s_end()
    {
        var start = _time.GetUtcNow();
        var due = _wheel.Due(start + TimeSpan.FromMilliseconds(9_500));

        _time.Advance(TimeSpan.FromSeconds(9));
        await _wheel.Due(start + TimeSpan.FromSeconds(9)).WaitAsync(Patience);
        Assert.False(due.IsCompleted, "completed half a second before it was due");

        _time.Advance(TimeSpan.FromSeconds(1));
        await due.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_moment_already_past_is_due_at_once()
    {
        var start = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(3));
        await _wheel.Due(start + TimeSpan.FromSeconds(3)).WaitAsync(Patience);

        Assert.True(_wheel.Due(start + TimeSpan.FromSeconds(2)).IsCompleted);
        Assert.True(_wheel.Due(start).IsCompleted);
    }

    [Fact]
    public void Moments_in_one_slot_share_one_task_and_the_next_slot_has_its_own()
    {
        var start = _time.GetUtcNow();

        var first = _wheel.Due(start + TimeSpan.FromMilliseconds(4_100));
        var sameSlot = _wheel.Due(start + TimeSpan.FromMilliseconds(4_900));
        var nextSlot = _wheel.Due(start + TimeSpan.FromMilliseconds(5_100));

        Assert.Same(first, sameSlot);
        Assert.NotSame(first, nextSlot);
    }

    [Fact]
    public async Task A_short_interval_gets_slots_of_a_tenth_of_it()
    {
        using var wheel = new KeepAliveWheel(Options.Create(new SseOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(200) }), _time);
        await wheel.StartAsync(CancellationToken.None);
        var start = _time.GetUtcNow();
        var due = wheel.Due(start + TimeSpan.FromMilliseconds(200));

        Assert.NotSame(due, wheel.Due(start + TimeSpan.FromMilliseconds(220)));
        _time.Advance(TimeSpan.FromMilliseconds(180));
        await wheel.Due(start + TimeSpan.FromMilliseconds(180)).WaitAsync(Patience);
        Assert.False(due.IsCompleted, "completed before it was due");
        _time.Advance(TimeSpan.FromMilliseconds(20));
        await due.WaitAsync(Patience);
        await wheel.StopAsync(CancellationToken.None);
    }
}
