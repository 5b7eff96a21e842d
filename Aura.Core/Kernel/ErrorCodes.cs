namespace Aura.Core.Kernel;

/// <summary>The E-codes of the contract, in one place.</summary>
public static class ErrorCodes
{
    public const string Validation = "E400-VALIDATION";
    public const string JobNotFound = "E404-JOB_NOT_FOUND";
    public const string JobNotCancellable = "E409-JOB_NOT_CANCELLABLE";
    public const string JobNotDeletable = "E409-JOB_NOT_DELETABLE";
    public const string IdempotencyConflict = "E422-IDEMPOTENCY_KEY_REUSED";
    public const string UnsupportedMediaType = "E415-UNSUPPORTED_MEDIA_TYPE";
    public const string ArtifactNotFound = "E404-ARTIFACT_NOT_FOUND";
    public const string FFmpegNotFound = "E302-FFMPEG_NOT_FOUND";
    public const string FFmpegRuntime = "E304-FFMPEG_RUNTIME";
    public const string JobStalled = "E305-JOB_STALLED";
    public const string DiskFull = "E306-DISK_FULL";
    public const string TtsFailed = "E307-TTS_FAILED";
    public const string Interrupted = "E308-INTERRUPTED";
    public const string HostNotAllowed = "E400-HOST_NOT_ALLOWED";
    public const string Unauthorized = "E401-UNAUTHORIZED";
    public const string Forbidden = "E403-FORBIDDEN";
    public const string CrossOrigin = "E403-CROSS_ORIGIN";
    public const string TooManyStreams = "E429-TOO_MANY_STREAMS";
    public const string TooManyRequests = "E429-TOO_MANY_REQUESTS";
    public const string BodyTooLarge = "E413-BODY_TOO_LARGE";
    public const string QueueFull = "E503-QUEUE_FULL";
    public const string Internal = "E500-INTERNAL";
}
