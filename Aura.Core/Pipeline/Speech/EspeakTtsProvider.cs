using System.Text;
using System.Text.RegularExpressions;
using Aura.Core.Kernel;
using Aura.Core.Media.Processes;
using Aura.Core.Media.Audio;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aura.Core.Pipeline.Speech;

/// <summary>
/// Offline narration with espeak-ng, run through CliWrap with an argument list (never a shell) and the
/// text on stdin. Availability is checked once per provider instance and cached.
/// </summary>
public sealed partial class EspeakTtsProvider(IOptions<TtsOptions> options, ILogger<EspeakTtsProvider> logger) : ITtsProvider
{
    public const string NotFoundProblem =
        "espeak-ng was not found; narration will be silent. Install it with `apt-get install -y espeak-ng` or set Tts:EspeakPath";

    private const string ProviderName = "espeak-ng";
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private readonly SemaphoreSlim _checkLock = new(1, 1);
    private volatile TtsAvailability? _availability;
    private volatile string? _executable;

    public async Task<TtsAvailability> CheckAsync(CancellationToken cancellationToken)
    {
        if (_availability is { } known) return known;
        await _checkLock.WaitAsync(cancellationToken);
        try
        {
            // A check canceled half-way is not cached: the next caller checks again.
            return _availability ??= await ProbeAsync(cancellationToken);
        }
        finally
        {
            _checkLock.Release();
        }
    }

    public async Task SpeakAsync(string text, VoiceSpec voice, string wavPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var availability = await CheckAsync(cancellationToken);
        if (!availability.IsAvailable || _executable is null)
            throw Failure(availability.Problem ?? NotFoundProblem, "Install espeak-ng (`apt-get install -y espeak-ng`) or set Tts:EspeakPath.");

        var arguments = EspeakArguments.Build(voice, options.Value.WordsPerMinute, wavPath);
        DeleteIfPresent(wavPath); // a WAV left from an earlier attempt must not pass for this one
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(_executable)
                .WithArguments(arguments)
                .WithStandardInputPipe(PipeSource.FromString(text, Utf8NoBom))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Utf8NoBom, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // CliWrap has killed espeak-ng; what it wrote so far is not a usable clip.
            DeleteIfPresent(wavPath);
            throw;
        }
        catch (Exception ex)
        {
            DeleteIfPresent(wavPath);
            throw new JobFailedException(new FailureReason(ErrorCodes.TtsFailed,
                $"espeak-ng could not be started: {ex.Message}",
                "Check that Tts:EspeakPath (or espeak-ng on PATH) is an executable espeak-ng."), ex);
        }

        if (result.ExitCode != 0)
        {
            DeleteIfPresent(wavPath);
            if (await StopSignalExit.IsStopAsync(result.ExitCode, "", cancellationToken))
                throw new OperationCanceledException("espeak-ng was stopped with the service.", cancellationToken);
            var stderr = Tail(result.StandardError);
            logger.LogWarning("espeak-ng exited with {ExitCode}: {Stderr}", result.ExitCode, stderr);
            throw Failure($"espeak-ng exited with code {result.ExitCode} while speaking the narration.",
                $"Check voiceSpec.voiceName '{EspeakArguments.SafeVoice(voice.VoiceName)}' is installed (`espeak-ng --voices`), or retry with the voice 'en'.",
                stderr);
        }
        EnsureUsableWav(wavPath);
    }

    private static void EnsureUsableWav(string wavPath)
    {
        string? problem;
        try
        {
            problem = !File.Exists(wavPath) ? "espeak-ng exited successfully but wrote no WAV."
                : WavFile.ReadInfo(wavPath).FrameCount == 0 ? "espeak-ng wrote a WAV with no audio in it."
                : null;
        }
        catch (InvalidDataException ex)
        {
            problem = $"espeak-ng wrote a WAV that cannot be read: {ex.Message}";
        }
        if (problem is null) return;
        DeleteIfPresent(wavPath);
        throw Failure(problem, "Check that the narration has words espeak-ng can speak and that the job folder is writable.");
    }

    private async Task<TtsAvailability> ProbeAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.EspeakPath;
        var executable = EspeakLocator.Locate(configured, Environment.GetEnvironmentVariable("PATH"));
        if (executable is null)
        {
            var where = string.IsNullOrWhiteSpace(configured) ? "" : $" (Tts:EspeakPath '{configured}' does not exist)";
            logger.LogWarning("Text to speech unavailable: {Problem}{Where}", NotFoundProblem, where);
            return new TtsAvailability(false, ProviderName, NotFoundProblem + where);
        }
        try
        {
            var result = await Cli.Wrap(executable).WithArguments(["--version"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
            if (result.ExitCode != 0)
                return new TtsAvailability(false, ProviderName,
                    $"{executable} --version exited with code {result.ExitCode}; narration will be silent. {Tail(result.StandardError)}".Trim());
            _executable = executable;
            var version = VersionPattern().Match(result.StandardOutput);
            return new TtsAvailability(true, version.Success ? $"{ProviderName} {version.Value}" : ProviderName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new TtsAvailability(false, ProviderName, $"{executable} could not be started ({ex.Message}); narration will be silent.");
        }
    }

    /// <summary>File.Delete, except that a missing folder is no error either (espeak-ng then fails and says so).</summary>
    private static void DeleteIfPresent(string path)
    {
        try { File.Delete(path); }
        catch (DirectoryNotFoundException) { }
    }

    private static JobFailedException Failure(string message, string remediation, string? stderr = null) =>
        new(new FailureReason(ErrorCodes.TtsFailed, message, remediation, StderrSnippet: string.IsNullOrEmpty(stderr) ? null : stderr));

    private static string Tail(string text, int max = 1000) =>
        text.Length <= max ? text.Trim() : text[^max..].Trim();

    [GeneratedRegex(@"\d+(\.\d+)+")]
    private static partial Regex VersionPattern();
}
