using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Finds ffmpeg and ffprobe and checks, once, that ffmpeg runs and can encode H.264. The check is
/// cached; an unusable result is checked again after <see cref="RecheckUnusableAfter"/> so that
/// installing FFmpeg while the service runs is noticed without a restart.
/// </summary>
public sealed partial class FFmpegLocator(IOptions<FFmpegOptions> options, TimeProvider time)
{
    public static readonly TimeSpan RecheckUnusableAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    public const string InstallAdvice =
        "Install FFmpeg with libx264 (Debian/Ubuntu: apt-get install -y ffmpeg), "
        + "or set FFmpeg:Path to the ffmpeg executable (and FFmpeg:ProbePath to ffprobe if it is elsewhere).";

    private readonly FFmpegOptions _options = options.Value;
    private readonly Lock _gate = new();
    private Task<FFmpegStatus>? _check;
    private long _checkStartedAt;

    /// <summary>The ffmpeg executable to run (configured, else on the PATH), or null. Starts no process.</summary>
    public string? FindFFmpeg() => Resolve(_options.Path, "ffmpeg", besideFolder: null);

    /// <summary>The ffprobe executable (configured, else beside ffmpeg, else on the PATH), or null. Starts no process.</summary>
    public string? FindProbe() => Resolve(_options.ProbePath, "ffprobe", Path.GetDirectoryName(FindFFmpeg()));

    /// <summary>Whether FFmpeg is usable; runs <c>ffmpeg -version</c> and <c>-encoders</c> at most once per check.</summary>
    public Task<FFmpegStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        Task<FFmpegStatus> check;
        lock (_gate)
        {
            if (_check is null || IsStaleFailure(_check))
            {
                _checkStartedAt = time.GetTimestamp();
                _check = Task.Run(CheckAsync, CancellationToken.None);
            }
            check = _check;
        }
        return check.WaitAsync(cancellationToken);
    }

    private bool IsStaleFailure(Task<FFmpegStatus> check) =>
        check.IsCompletedSuccessfully && !check.Result.IsUsable
        && time.GetElapsedTime(_checkStartedAt) >= RecheckUnusableAfter;

    private async Task<FFmpegStatus> CheckAsync()
    {
        var ffmpeg = FindFFmpeg();
        var probe = FindProbe();
        if (ffmpeg is null)
        {
            var where = string.IsNullOrWhiteSpace(_options.Path) ? "on the PATH" : $"at FFmpeg:Path '{_options.Path}'";
            return new FFmpegStatus(false, null, probe, null, false, $"ffmpeg was not found {where}.", InstallAdvice);
        }

        try
        {
            using var timeout = new CancellationTokenSource(CheckTimeout);
            var version = await RunAsync(ffmpeg, "-version", timeout.Token);
            var encoders = await RunAsync(ffmpeg, "-encoders", timeout.Token);
            var versionText = VersionLine().Match(version) is { Success: true } m ? m.Groups[1].Value : null;
            var hasLibx264 = Libx264Line().IsMatch(encoders);

            var problem = versionText is null ? $"'{ffmpeg}' did not answer -version like ffmpeg does."
                : !hasLibx264 ? $"ffmpeg {versionText} at '{ffmpeg}' has no libx264 encoder."
                : probe is null ? "ffprobe was not found beside ffmpeg or on the PATH."
                : null;
            return new FFmpegStatus(problem is null, ffmpeg, probe, versionText, hasLibx264, problem, problem is null ? null : InstallAdvice);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new FFmpegStatus(false, ffmpeg, probe, null, false, $"'{ffmpeg}' could not be run: {error.Message}", InstallAdvice);
        }
    }

    private static async Task<string> RunAsync(string ffmpeg, string what, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(ffmpeg)
            .WithArguments(["-hide_banner", what])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        return result.IsSuccess ? result.StandardOutput : "";
    }

    private static string? Resolve(string? configured, string name, string? besideFolder)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return ExecutableSearch.InFolder(besideFolder, name) ?? ExecutableSearch.OnPath(name);
        // A bare name ("ffmpeg") means "this name on the PATH"; anything with a folder is taken as is.
        if (Path.GetFileName(configured) == configured)
            return ExecutableSearch.OnPath(configured);
        var full = Path.GetFullPath(configured);
        return ExecutableSearch.IsExecutable(full) ? full : null;
    }

    [GeneratedRegex(@"^ffmpeg version (\S+)", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^\s*V\S*\s+libx264\s", RegexOptions.Multiline)]
    private static partial Regex Libx264Line();
}
