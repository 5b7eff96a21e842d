namespace Aura.Core.Storage;

/// <summary>The outcome of a claim.</summary>
/// <param name="Won">True when this call recorded its key; false when a live entry already held it.</param>
/// <param name="Entry">The entry now stored: the caller's own when it won, else the one that was there.</param>
public sealed record IdempotencyClaim(bool Won, IdempotencyKey Entry)
{
    public bool IsSameRequest(string requestHash) => string.Equals(Entry.RequestHash, requestHash, StringComparison.Ordinal);
}
