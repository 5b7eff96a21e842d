using Aura.Core.Storage;
using Microsoft.Extensions.Options;

namespace Aura.Core.Jobs;

/// <summary>
/// <c>Jobs:Workers=0</c> (an API-only node) only makes sense on a store other nodes share: with the embedded
/// SQLite or in-memory store no other process can run the jobs, and every job would wait for ever.
/// </summary>
public sealed class WorkerlessNodeValidator(IOptions<StorageOptions> storage) : IValidateOptions<JobRunnerOptions>
{
    public ValidateOptionsResult Validate(string? name, JobRunnerOptions options) =>
        options.Workers == 0 && storage.Value.Provider != StorageProvider.Redis
            ? ValidateOptionsResult.Fail(
                "Jobs:Workers=0 makes an API-only node, which needs worker nodes on a shared store (Storage:Provider=Redis); " +
                $"with Storage:Provider={storage.Value.Provider} no job would ever run. Set Jobs:Workers to 1 or more.")
            : ValidateOptionsResult.Success;
}
