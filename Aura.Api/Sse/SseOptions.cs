using System.ComponentModel.DataAnnotations;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>The <c>Sse</c> configuration section.</summary>
public sealed class SseOptions
{
    public const string Section = "Sse";

    /// <summary>How often a stream reads its job and sends what changed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wake a stream as soon as its job changes instead of waiting for the next poll.</summary>
    public bool WakeOnChange { get; set; } = true;

    /// <summary>A comment is written when nothing else was for this long, so proxies keep the connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The reconnect delay the stream asks clients to use (<c>retry:</c>).</summary>
    [Range(0, 600_000)]
    public int RetryMilliseconds { get; set; } = 3000;

    /// <summary>How many streams one principal (one key; in local mode, everyone) may hold open at once.</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerPrincipal { get; set; } = 20;

    /// <summary>How many streams the service holds open at once, for everyone together.</summary>
    [Range(1, 1_000_000)]
    public int MaxStreams { get; set; } = 1000;

    /// <summary>A write to a client that stalls this long (the client stopped reading) ends its stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
