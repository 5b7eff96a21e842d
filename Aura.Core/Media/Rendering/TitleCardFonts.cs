namespace Aura.Core.Media.Rendering;

/// <summary>Font files for title cards; a null file means "let fontconfig pick its default".</summary>
public sealed record TitleCardFonts(string? Regular, string? Bold)
{
    public static readonly TitleCardFonts FontconfigDefault = new(null, null);
}
