using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>What <see cref="JobRetention.FinishDeletionsAsync"/> found in the jobs folder.</summary>
/// <param name="Removed">Work folders of deleted jobs that were removed.</param>
/// <param name="Unknown">Work folders of jobs the store does not know and did not record as deleted: kept.</param>
/// <param name="StoreKnowsNoJobs">The store holds no job at all while such folders exist: the database is likely missing, new or another one.</param>
public sealed record FolderSweep(int Removed, int Unknown, bool StoreKnowsNoJobs);
