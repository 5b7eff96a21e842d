using Aura.Core.Pipeline.Speech;

namespace Aura.Tests.Providers;

public sealed class EspeakLocatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>An executable file in <paramref name="folder"/>, as a package would install one.</summary>
    private string Touch(string folder, string name)
    {
        Directory.CreateDirectory(_temp.File(folder));
        return _temp.Script(Path.Combine(folder, name), "exit 0");
    }

    [Fact]
    public void Without_configuration_espeak_ng_is_preferred_to_espeak_across_the_whole_PATH()
    {
        Touch("first", "espeak");
        var ng = Touch("second", "espeak-ng");
        var path = string.Join(Path.PathSeparator, _temp.File("first"), _temp.File("second"));

        Assert.Equal(ng, EspeakLocator.Locate(null, path));
    }

    [Fact]
    public void Plain_espeak_is_used_when_espeak_ng_is_not_on_PATH()
    {
        var espeak = Touch("bin", "espeak");

        Assert.Equal(espeak, EspeakLocator.Locate("", _temp.File("bin")));
    }

    [Fact]
    public void A_configured_bare_name_is_looked_up_on_PATH_and_a_configured_path_is_taken_as_is()
    {
        var custom = Touch("bin", "my-espeak");

        Assert.Equal(custom, EspeakLocator.Locate("my-espeak", _temp.File("bin")));
        Assert.Equal(custom, EspeakLocator.Locate(custom, pathVariable: null));
        Assert.Null(EspeakLocator.Locate(_temp.File("bin/missing-espeak"), _temp.File("bin")));
    }

    [UnixOnlyFact]
    public void A_file_that_cannot_be_executed_is_not_taken_for_espeak()
    {
        Directory.CreateDirectory(_temp.File("bin"));
        File.WriteAllText(_temp.File("bin/espeak-ng"), "");

        Assert.Null(EspeakLocator.Locate(null, _temp.File("bin")));
        Assert.Null(EspeakLocator.Locate(_temp.File("bin/espeak-ng"), pathVariable: null));
    }

    [Fact]
    public void Nothing_is_found_on_an_empty_PATH()
    {
        Assert.Null(EspeakLocator.Locate(null, ""));
    }
}
