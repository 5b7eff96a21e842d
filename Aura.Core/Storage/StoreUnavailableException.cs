namespace Aura.Core.Storage;

/// <summary>
/// The store cannot be reached or refuses work for now (Redis down, restarting, loading its data,
/// read-only or out of memory): the operation was not carried out, or its outcome is unknown when it
/// was a write whose answer was lost. One type for every store, so the runner and the API can tell
/// "try again shortly" (503 <c>E503-STORE_UNAVAILABLE</c> with <c>Retry-After</c>) from a failure.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
