using Aura.Core.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aura.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJobStore"/> as a singleton of the provider chosen in the <c>Storage</c>
    /// section (SQLite by default), with <see cref="StorageOptions"/> validated at start. The SQLite
    /// store creates its folder, its file and its schema when it is first resolved.
    /// </summary>
    public static IServiceCollection AddAuraStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section);
        services.AddSingleton<StoreSpace>();
        services.AddSingleton<IJobStore>(CreateStore);
        return services;
    }

    private static IJobStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.Provider == StorageProvider.InMemory)
            return new InMemoryJobStore();

        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return new SqliteJobStore(options.DatabasePath(contentRoot), options.BusyTimeout, services.GetRequiredService<StoreSpace>());
    }
}
