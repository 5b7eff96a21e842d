using System.ComponentModel.DataAnnotations;
using Aura.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace Aura.Tests.Storage;

public sealed class AddAuraStorageTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
            provider.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void By_default_the_store_is_sqlite_in_data_aura_db_under_the_content_root_and_the_folder_is_created()
    {
        var services = Services([], contentRoot: _folder.Path);

        var store = Assert.IsType<SqliteJobStore>(services.GetRequiredService<IJobStore>());

        Assert.Equal(Path.Combine(_folder.Path, "data", "aura.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.Same(store, services.GetRequiredService<IJobStore>());
    }

    [Fact]
    public void Without_a_host_a_relative_data_folder_is_taken_relative_to_the_current_directory()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), _folder.File("db"));
        var services = Services(new() { ["Storage:DataFolder"] = relative, ["Storage:FileName"] = "jobs.sqlite" }, contentRoot: null);

        var store = Assert.IsType<SqliteJobStore>(services.GetRequiredService<IJobStore>());

        Assert.Equal(_folder.File(Path.Combine("db", "jobs.sqlite")), store.DatabasePath);
    }

    [Fact]
    public void An_absolute_data_folder_is_used_as_it_is()
    {
        var options = new StorageOptions { DataFolder = _folder.File("elsewhere") };

        Assert.Equal(_folder.File(Path.Combine("elsewhere", "aura.db")), options.DatabasePath("/some/content/root"));
    }

    [Fact]
    public void The_in_memory_provider_can_be_chosen()
    {
        var services = Services(new() { ["Storage:Provider"] = "InMemory" }, contentRoot: _folder.Path);

        Assert.IsType<InMemoryJobStore>(services.GetRequiredService<IJobStore>());
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "data")));
    }

    [Theory]
    [InlineData("Storage:FileName", "sub/aura.db")]
    [InlineData("Storage:FileName", "")]
    [InlineData("Storage:DataFolder", "")]
    [InlineData("Storage:BusyTimeout", "00:00:00")]
    public void Invalid_settings_are_refused_with_the_setting_named(string key, string value)
    {
        var services = Services(new() { [key] = value }, contentRoot: _folder.Path);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IJobStore>());

        Assert.Contains(key.Split(':')[1], refused.Message);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new StorageOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal((StorageProvider.Sqlite, "data", "aura.db"), (options.Provider, options.DataFolder, options.FileName));
    }

    private ServiceProvider Services(Dictionary<string, string?> settings, string? contentRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (contentRoot is not null)
            services.AddSingleton(Mock.Of<IHostEnvironment>(h => h.ContentRootPath == contentRoot));
        var provider = services.AddAuraStorage(configuration).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
