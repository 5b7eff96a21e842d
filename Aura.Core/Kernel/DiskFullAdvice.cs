namespace Aura.Core.Kernel;

/// <summary>What an operator is told to do about a full disk (E306): one text for the stages, FFmpeg, the store and the API.</summary>
public static class DiskFullAdvice
{
    /// <summary>What to free and where.</summary>
    public const string FreeSpace =
        "Free disk space on the volume that holds the data folder (Storage:DataFolder): delete jobs you no longer need "
        + "(DELETE /api/jobs/{jobId} removes a job's files) or move other files off that volume; GET /health shows the free space.";

    /// <summary>For a job that failed: free space, then run it again.</summary>
    public const string ThenRunAgain = FreeSpace + " Then run the job again.";
}
