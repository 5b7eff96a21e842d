namespace Aura.Core.Pipeline.Scripts;

public enum AudienceKind { General, Children, Beginners, Experts }
