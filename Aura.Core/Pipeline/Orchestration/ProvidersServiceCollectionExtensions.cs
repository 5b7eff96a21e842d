using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Orchestration;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the offline script writer and espeak-ng voice (singletons: the voice caches its availability check)
    /// and binds the <c>Tts</c> section. The visual provider is registered with rendering. TryAdd lets a host or a
    /// test put its own provider in first.
    /// </summary>
    public static IServiceCollection AddAuraProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TtsOptions>(configuration, TtsOptions.SectionName);
        services.TryAddSingleton<IScriptProvider, TemplateScriptProvider>();
        services.TryAddSingleton<ITtsProvider, EspeakTtsProvider>();
        return services;
    }
}
