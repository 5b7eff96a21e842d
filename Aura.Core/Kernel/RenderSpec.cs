namespace Aura.Core.Kernel;

public sealed record RenderSpec(
    Resolution Res,
    int Fps = 30,
    string Container = "mp4",
    int VideoBitrateK = 2500,
    int AudioBitrateK = 128)
{
    public RenderSpec() : this(new Resolution(1280, 720)) { }
}
