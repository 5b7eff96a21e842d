using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>The script of a video: scenes in order, each narrated over its own title card.</summary>
public sealed record VideoScript(string Title, IReadOnlyList<ScriptScene> Scenes);
