using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>The script of a video: scenes in order, each narrated over its own title card.</summary>
public sealed record VideoScript(string Title, IReadOnlyList<ScriptScene> Scenes);

/// <param name="Index">0-based position in the video.</param>
/// <param name="EstimatedDuration">How long the narration should take when spoken at the requested pace.</param>
public sealed record ScriptScene(int Index, string Title, string Narration, TimeSpan EstimatedDuration);
