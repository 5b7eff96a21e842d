namespace Aura.Core.Pipeline.Scripts;

/// <param name="Index">0-based position in the video.</param>
/// <param name="EstimatedDuration">How long the narration should take when spoken at the requested pace.</param>
public sealed record ScriptScene(int Index, string Title, string Narration, TimeSpan EstimatedDuration);
