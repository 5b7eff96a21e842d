namespace Aura.Tests.Security;

/// <summary>The service with keys: alice (admin) and bob in settings, carol in a keys file.</summary>
public static class KeyedApplication
{
    public const string AliceKey = "alice-0123456789abcdef";
    public const string BobKey = "bob-0123456789abcdef";
    public const string CarolKey = "carol-0123456789abcdef";

    public static AuraApplication Create(Action<AuraApplication>? configure = null)
    {
        var app = new AuraApplication();
        // In the application's own temp folder, which goes with it.
        var keysFile = Path.Combine(Path.GetDirectoryName(app.DataFolder)!, "keys.txt");
        File.WriteAllText(keysFile, $"# keys\ncarol={CarolKey}\n");
        app.Settings["Auth:ApiKeys:alice"] = AliceKey;
        app.Settings["Auth:ApiKeys:bob"] = BobKey;
        app.Settings["Auth:Admins:0"] = "alice";
        app.Settings["Auth:ApiKeysFile"] = keysFile;
        configure?.Invoke(app);
        return app;
    }

    public static HttpClient ClientOf(this AuraApplication app, string key)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
