using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Speech;

/// <summary>Speaks a scene's narration into a WAV file.</summary>
public interface ITtsProvider
{
    /// <summary>Whether this provider can speak on this machine (e.g. espeak-ng is installed); checked once.</summary>
    Task<TtsAvailability> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="wavPath"/>; throws <see cref="JobFailedException"/> (E307-TTS_FAILED) when speaking fails.</summary>
    Task SpeakAsync(string text, VoiceSpec voice, string wavPath, CancellationToken cancellationToken);
}
