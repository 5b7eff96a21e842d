using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <param name="TitleTextFile">A UTF-8 file holding the title (already wrapped, see <see cref="TitleCardLayout"/>).</param>
/// <param name="BodyTextFile">A UTF-8 file holding the body text, or null for a title-only card.</param>
/// <param name="OutputPng">Where the PNG goes.</param>
public sealed record TitleCardInput(
    string TitleTextFile,
    string? BodyTextFile,
    Resolution Resolution,
    string OutputPng,
    TitleCardStyle? Style = null);
