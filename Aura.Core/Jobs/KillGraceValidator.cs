using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Options;

namespace Aura.Core.Jobs;

/// <summary>
/// A cancel interrupts FFmpeg, kills it after <c>FFmpeg:KillGracePeriod</c>, and answers after at most
/// <c>Jobs:CancelWait</c>: a grace as long as the wait would answer <c>Running</c> for a job that is about
/// to read <c>Canceled</c>. So the grace must be shorter (a wait of zero answers at once, whatever the grace).
/// </summary>
internal sealed class KillGraceValidator(IOptions<JobRunnerOptions> jobs) : IValidateOptions<FFmpegOptions>
{
    public ValidateOptionsResult Validate(string? name, FFmpegOptions options)
    {
        var wait = jobs.Value.CancelWait;
        return wait > TimeSpan.Zero && options.KillGracePeriod >= wait
            ? ValidateOptionsResult.Fail(
                $"FFmpeg:KillGracePeriod ({options.KillGracePeriod}) must be shorter than Jobs:CancelWait ({wait}), "
                + "so a canceled FFmpeg that ignores the interrupt is killed before the cancel answers.")
            : ValidateOptionsResult.Success;
    }
}
