namespace Aura.Core.Jobs;

/// <summary>A new job was refused: <see cref="JobRunnerOptions.QueueCapacity"/> jobs wait for a worker already.</summary>
public sealed class JobQueueFullException(int capacity)
    : Exception($"the job queue is full ({capacity} jobs wait for a worker)");
