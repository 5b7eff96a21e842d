using Aura.Core.Storage;
using Aura.Core.Kernel;

namespace Aura.Api.Infrastructure;

public static partial class StoreStartup
{
    /// <summary>
    /// Opens the job store before the host starts anything else. A database that cannot be used
    /// (damaged, not a database, read-only, locked, newer) is then reported in one line that names
    /// the file, the problem and what to do, instead of an unhandled exception's dump from inside a
    /// hosted service. False means: do not run; exit with a non-zero code.
    /// </summary>
    public static bool TryOpenStore(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IJobStore>();
            return true;
        }
        catch (UnusableDatabaseException unusable)
        {
            LogUnusable(app.Logger, unusable.Message);
            // Flushes the log sinks (the file's included) before the process exits.
            ((IDisposable)app).Dispose();
            return false;
        }
    }

    [LoggerMessage(LogLevel.Critical, "Cannot start: {Problem}")]
    private static partial void LogUnusable(ILogger logger, string problem);
}
