namespace Aura.Core.Storage;

public enum StorageProvider
{
    /// <summary>A SQLite file: jobs survive a restart.</summary>
    Sqlite,

    /// <summary>Process memory: everything is gone at exit. For tests and throwaway runs.</summary>
    InMemory,
}
