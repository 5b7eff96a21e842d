using System.ComponentModel.DataAnnotations;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Speech;

/// <summary>The <c>Tts</c> configuration section: where espeak-ng is and how fast it speaks.</summary>
public sealed class TtsOptions
{
    public const string SectionName = "Tts";

    /// <summary>The espeak-ng (or espeak) executable; when empty, <c>espeak-ng</c> then <c>espeak</c> are looked up on PATH.</summary>
    public string? EspeakPath { get; set; }

    /// <summary>The speaking rate at <c>voiceSpec.rate = 1.0</c>, in espeak-ng's words per minute.</summary>
    [Range(80, 450)]
    public int WordsPerMinute { get; set; } = 160;
}
