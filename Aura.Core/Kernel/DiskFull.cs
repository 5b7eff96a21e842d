
namespace Aura.Core.Kernel;

/// <summary>Recognizes "no space left" among the stages' own writes, so it fails as E306 rather than E500.</summary>
public static class DiskFull
{
    private const int Enospc = 28; // .NET on Unix puts the errno in HResult
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(IOException error) =>
        error.HResult is Enospc or ErrorDiskFull or ErrorHandleDiskFull
        || error.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    public static JobFailedException Failure(JobStage stage, IOException error) => new(new FailureReason(
        ErrorCodes.DiskFull,
        $"The disk filled up while the {stage} stage wrote the job's files.",
        DiskFullAdvice.ThenRunAgain), error);
}
