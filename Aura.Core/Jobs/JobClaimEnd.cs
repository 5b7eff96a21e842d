namespace Aura.Core.Jobs;

/// <summary>How a worker leaves a job when it gives its <see cref="JobClaim"/> back.</summary>
public enum JobClaimEnd
{
    /// <summary>The job ended (or needed no run: it was gone, ended, or no longer startable). Nothing is left to run.</summary>
    Ended,

    /// <summary>
    /// The run stopped with the job still <c>Running</c> (the process stops, the claim was lost, or the end
    /// could not be written): the job is to run again as its next attempt — at the next start for the
    /// in-process queue, on any worker for a shared one.
    /// </summary>
    Interrupted,
}
