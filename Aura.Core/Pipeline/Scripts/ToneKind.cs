namespace Aura.Core.Pipeline.Scripts;

public enum ToneKind { Friendly, Professional, Energetic, Calm }
