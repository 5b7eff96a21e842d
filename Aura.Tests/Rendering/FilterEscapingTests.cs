using Aura.Core.Media.Rendering;

namespace Aura.Tests.Rendering;

public class FilterEscapingTests
{
    [Fact]
    public void A_plain_path_is_quoted_for_the_option_parser_and_the_quotes_escaped_for_the_graph()
    {
        Assert.Equal(@"\'/tmp/a/b.txt\'", FilterEscaping.OptionValue("/tmp/a/b.txt"));
    }

    [Fact]
    public void Colons_stay_literal_inside_the_quotes()
    {
        Assert.Equal(@"\'/tmp/a:b\'", FilterEscaping.OptionValue("/tmp/a:b"));
    }

    [Theory]
    [InlineData("[", @"\[")]
    [InlineData("]", @"\]")]
    [InlineData(",", @"\,")]
    [InlineData(";", @"\;")]
    [InlineData(@"\", @"\\")]
    public void Characters_the_graph_parser_treats_specially_are_backslashed(string character, string escaped)
    {
        Assert.Equal(@"\'/x" + escaped + @"y\'", FilterEscaping.OptionValue("/x" + character + "y"));
    }

    [Fact]
    public void A_single_quote_is_closed_escaped_and_reopened_at_both_levels()
    {
        // Level one: it's -> 'it'\''s'; level two backslashes each ' and \ of that.
        Assert.Equal(@"\'it\'\\\'\'s\'", FilterEscaping.OptionValue("it's"));
    }

    [Fact]
    public void A_NUL_character_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FilterEscaping.OptionValue("a\0b"));
    }
}
