using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Finds DejaVu Sans (package fonts-dejavu-core). When it is absent, drawtext is given no
/// <c>fontfile</c> and FFmpeg asks fontconfig for its default font instead.
/// </summary>
public sealed class FontLocator(IReadOnlyList<string> folders)
{
    public static readonly IReadOnlyList<string> DefaultFolders =
        ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts/dejavu"];

    public FontLocator() : this(DefaultFolders) { }

    public TitleCardFonts Find()
    {
        var regular = FindFile("DejaVuSans.ttf");
        // A missing bold face falls back to the regular one: a card with one font beats a card without.
        return new TitleCardFonts(regular, FindFile("DejaVuSans-Bold.ttf") ?? regular);
    }

    private string? FindFile(string name) =>
        folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
