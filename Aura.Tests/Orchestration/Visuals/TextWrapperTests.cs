using Aura.Core.Pipeline.Visuals;

namespace Aura.Tests.Orchestration.Visuals;

public sealed class TextWrapperTests
{
    [Fact]
    public void Words_fill_each_line_up_to_the_width_and_no_further()
    {
        var lines = TextWrapper.Wrap("the quick brown fox jumps over the lazy dog", maxChars: 10, maxLines: 10);

        Assert.Equal(["the quick", "brown fox", "jumps", "over the", "lazy dog"], lines); // "m" is wide: "jumps over" is 10.75
    }

    [Fact]
    public void Text_longer_than_the_card_ends_with_an_ellipsis_on_its_last_line()
    {
        var lines = TextWrapper.Wrap("one two three four five six seven", maxChars: 9, maxLines: 2);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith(TextWrapper.Ellipsis, lines[^1]);
        Assert.All(lines, l => Assert.True(l.Length <= 9, l));
    }

    [Fact]
    public void A_word_longer_than_a_line_is_broken_without_splitting_an_emoji()
    {
        var lines = TextWrapper.Wrap("🎬🎬🎬🎬🎬", maxChars: 4, maxLines: 5);

        Assert.Equal(["🎬🎬", "🎬🎬", "🎬"], lines); // an emoji is as wide as two letters
    }

    [Fact]
    public void A_500_character_word_of_wide_letters_is_hard_wrapped_into_lines_that_fit_their_width()
    {
        var lines = TextWrapper.Wrap(new string('W', 500), maxChars: 35, maxLines: 100);

        Assert.Equal(500, string.Concat(lines).Length);
        Assert.All(lines, l => Assert.True(l.Length * TextWrapper.Width("W") <= 35, l));
        Assert.Equal(20, lines[0].Length); // 20 × 1.75 = 35
    }

    [Fact]
    public void Cut_text_ends_with_an_ellipsis_that_still_fits_the_width()
    {
        var lines = TextWrapper.Wrap(new string('M', 500), maxChars: 10, maxLines: 2);

        Assert.Equal(["MMMMM", "MMMMM…"], lines); // 5 × 1.75 + 1 = 9.75
    }

    [Fact]
    public void Newlines_and_tabs_in_user_text_are_only_spaces()
    {
        var lines = TextWrapper.Wrap("a\nb\r\n\tc", maxChars: 20, maxLines: 3);

        Assert.Equal(["a b c"], lines);
    }
}
