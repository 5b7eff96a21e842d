namespace Aura.Core.Kernel;

public sealed record Resolution(int Width, int Height);
