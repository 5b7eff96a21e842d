namespace Aura.Core.Storage;

/// <summary>
/// A write to the store failed because its disk is full (SQLite's <c>SQLITE_FULL</c>, "database or
/// disk is full"). Nothing was written. One type for every store, so the runner and the API can
/// recognise a full disk without knowing which store they talk to.
/// </summary>
public sealed class StoreFullException(string message, Exception? inner = null) : IOException(message, inner);
