namespace Aura.Core.Kernel;

/// <summary>
/// Thrown by a stage to end the job as <c>Failed</c> with a classified reason. Anything else a
/// stage throws is recorded as <see cref="ErrorCodes.Internal"/>.
/// </summary>
public sealed class JobFailedException(FailureReason reason, Exception? inner = null) : Exception(reason.Message, inner)
{
    public JobFailedException(string code, string message, string remediation)
        : this(new FailureReason(code, message, remediation)) { }

    public FailureReason Reason { get; } = reason;
}
