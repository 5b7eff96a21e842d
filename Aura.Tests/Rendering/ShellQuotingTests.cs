using Aura.Core.Media.Rendering;

namespace Aura.Tests.Rendering;

public class ShellQuotingTests
{
    [Fact]
    public void Plain_arguments_are_left_as_they_are()
    {
        Assert.Equal("/usr/bin/ffmpeg -i /tmp/a.png -b:v 2500k", ShellQuoting.Join("/usr/bin/ffmpeg", ["-i", "/tmp/a.png", "-b:v", "2500k"]));
    }

    [Fact]
    public void Arguments_with_spaces_brackets_or_quotes_are_single_quoted()
    {
        Assert.Equal("'a b'", ShellQuoting.Quote("a b"));
        Assert.Equal("'[video]'", ShellQuoting.Quote("[video]"));
        Assert.Equal(@"'it'\''s'", ShellQuoting.Quote("it's"));
        Assert.Equal("''", ShellQuoting.Quote(""));
    }
}
