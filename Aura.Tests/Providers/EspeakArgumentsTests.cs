using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline.Speech;

namespace Aura.Tests.Providers;

public sealed class EspeakArgumentsTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-us", "en-us")]
    [InlineData("en+f3", "en+f3")]
    [InlineData("gmw/en-GB", "gmw/en-GB")]
    [InlineData("-w", "en")]
    [InlineData("en; rm -rf /", "en")]
    [InlineData("../../etc/passwd", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void A_voice_name_is_used_only_when_it_is_made_of_safe_characters(string? requested, string used) =>
        Assert.Equal(used, EspeakArguments.SafeVoice(requested));

    [Theory]
    [InlineData(1.0, 160)]
    [InlineData(1.5, 240)]
    [InlineData(0.0, 160)]
    [InlineData(double.NaN, 160)]
    [InlineData(10.0, 450)]
    [InlineData(0.1, 80)]
    public void The_rate_multiplies_the_base_words_per_minute_within_espeaks_range(double rate, int expected) =>
        Assert.Equal(expected, EspeakArguments.WordsPerMinute(rate, 160));

    [Fact]
    public void The_arguments_read_text_from_stdin_and_never_carry_it()
    {
        var arguments = EspeakArguments.Build(new VoiceSpec("en-us", 1.25), 160, "/tmp/a.wav");

        Assert.Equal(["-v", "en-us", "-s", "200", "-b", "1", "-w", "/tmp/a.wav", "--stdin"], arguments);
    }
}
