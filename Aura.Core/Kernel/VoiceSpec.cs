namespace Aura.Core.Kernel;

public sealed record VoiceSpec(string VoiceName = "en", double Rate = 1.0);
