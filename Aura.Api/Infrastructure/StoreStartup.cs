using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Extensions.Options;

namespace Aura.Api.Infrastructure;

public static partial class StoreStartup
{
    /// <summary>
    /// Opens the job store before the host starts anything else. A database that cannot be used
    /// (damaged, not a database, read-only, locked, newer) is then reported in one line that names
    /// the file, the problem and what to do, instead of an unhandled exception's dump from inside a
    /// hosted service; so are invalid store settings (Storage, Redis: e.g. no Redis:Configuration with
    /// the Redis provider). A Redis that is down is no reason to refuse: the service starts not ready.
    /// False means: do not run; exit with a non-zero code.
    /// </summary>
    public static bool TryOpenStore(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IJobStore>();
            // The node's role (Jobs:Workers=0 needs a shared store) is a store setting too: one line, not a dump.
            _ = app.Services.GetRequiredService<IOptions<JobRunnerOptions>>().Value;
            return true;
        }
        catch (Exception refused) when (refused is UnusableDatabaseException or OptionsValidationException)
        {
            var problem = refused is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : refused.Message;
            LogUnusable(app.Logger, problem.ReplaceLineEndings(" "));
            // Flushes the log sinks (the file's included) before the process exits.
            ((IDisposable)app).Dispose();
            return false;
        }
    }

    [LoggerMessage(LogLevel.Critical, "Cannot start: {Problem}")]
    private static partial void LogUnusable(ILogger logger, string problem);
}
