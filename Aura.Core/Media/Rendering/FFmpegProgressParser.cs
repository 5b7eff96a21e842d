using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Reads FFmpeg's <c>-progress</c> stream (blocks of <c>key=value</c> lines, each block closed by
/// <c>progress=continue</c> or <c>progress=end</c>) and turns it into percent and ETA. Percent stays
/// at most 99 until <see cref="Completed"/>: only a zero exit code proves the output is whole.
/// Not thread-safe: one parser reads one process's stdout.
/// </summary>
public sealed class FFmpegProgressParser(TimeSpan? expectedDuration, TimeProvider time)
{
    public const double MaxPercentBeforeExit = 99;

    private readonly long _startedAt = time.GetTimestamp();
    private TimeSpan _outTime = TimeSpan.Zero;

    /// <summary>The furthest output time seen, clamped to the expected duration.</summary>
    public TimeSpan OutTime => _outTime;

    /// <summary>Takes one line; returns the progress when the line closes a block, else null.</summary>
    public FFmpegProgress? Feed(string line)
    {
        var separator = line.IndexOf('=');
        if (separator <= 0)
            return null;
        var key = line.AsSpan(0, separator).Trim();
        var value = line.AsSpan(separator + 1).Trim();

        if (key.SequenceEqual("out_time_us"))
        {
            // N/A before the first frame, and negative for a moment with some inputs: neither is progress.
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros) && micros > 0)
                Advance(TimeSpan.FromMicroseconds(micros));
            return null;
        }
        if (!key.SequenceEqual("progress"))
            return null;
        return Current();
    }

    /// <summary>The progress as of now.</summary>
    public FFmpegProgress Current()
    {
        if (expectedDuration is not { } expected || expected <= TimeSpan.Zero)
            return new FFmpegProgress(_outTime, 0, null);
        var fraction = _outTime / expected;
        var percent = Math.Min(MaxPercentBeforeExit, Math.Round(fraction * 100, 1));
        return new FFmpegProgress(_outTime, percent, Eta(fraction));
    }

    /// <summary>The progress once FFmpeg exited 0: everything is done.</summary>
    public FFmpegProgress Completed() => new(expectedDuration ?? _outTime, 100, 0);

    private void Advance(TimeSpan outTime)
    {
        if (expectedDuration is { } expected && expected > TimeSpan.Zero && outTime > expected)
            outTime = expected;
        if (outTime > _outTime)
            _outTime = outTime;
    }

    /// <summary>The remaining wall time if the rest goes as fast as what is done so far.</summary>
    private int? Eta(double fraction)
    {
        if (fraction <= 0)
            return null;
        var elapsed = time.GetElapsedTime(_startedAt).TotalSeconds;
        var remaining = elapsed / fraction - elapsed;
        return (int)Math.Ceiling(Math.Max(0, remaining));
    }
}
