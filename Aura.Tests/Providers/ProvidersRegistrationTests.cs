using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Aura.Core.Pipeline.Orchestration;

namespace Aura.Tests.Providers;

public sealed class ProvidersRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAuraProviders(configuration).BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public void The_template_script_writer_and_espeak_voice_are_registered_with_the_Tts_section_bound()
    {
        using var services = Build(new() { ["Tts:EspeakPath"] = "/opt/espeak-ng", ["Tts:WordsPerMinute"] = "200" });

        Assert.IsType<TemplateScriptProvider>(services.GetRequiredService<IScriptProvider>());
        Assert.IsType<EspeakTtsProvider>(services.GetRequiredService<ITtsProvider>());
        Assert.Same(services.GetRequiredService<ITtsProvider>(), services.GetRequiredService<ITtsProvider>());
        var options = services.GetRequiredService<IOptions<TtsOptions>>().Value;
        Assert.Equal("/opt/espeak-ng", options.EspeakPath);
        Assert.Equal(200, options.WordsPerMinute);
    }

    [Fact]
    public void Without_configuration_the_voice_speaks_at_160_words_per_minute_and_looks_on_PATH()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<TtsOptions>>().Value;

        Assert.Equal(160, options.WordsPerMinute);
        Assert.Null(options.EspeakPath);
    }

    [Fact]
    public void A_words_per_minute_espeak_cannot_speak_is_refused()
    {
        using var services = Build(new() { ["Tts:WordsPerMinute"] = "5" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TtsOptions>>().Value);

        Assert.Contains("WordsPerMinute", error.Message);
    }
}
