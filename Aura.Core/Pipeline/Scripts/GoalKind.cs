namespace Aura.Core.Pipeline.Scripts;

public enum GoalKind { Explain, Teach, Persuade, Inform }
