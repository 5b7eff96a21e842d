namespace Aura.Core.Media.Rendering;

/// <summary>Colors as FFmpeg names (<c>white</c>) or hex (<c>0x1E293B</c>, <c>#1E293B</c>).</summary>
public sealed record TitleCardStyle(string Background = "0x1E293B", string TitleColor = "white", string BodyColor = "0xCBD5E1");
