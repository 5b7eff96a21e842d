using System.Text.Json;

namespace Aura.Bench;

/// <summary>
/// The GC settings a built app runs with, read from its runtimeconfig.json (an absent setting is the
/// runtime's default: workstation GC, concurrent on). The floor must run with the service's.
/// </summary>
public static class GcSettings
{
    public static string Of(string folder, string app)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, app + ".runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var p) ? p : default;
        bool Flag(string name, bool fallback) =>
            properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) ? value.GetBoolean() : fallback;
        return $"{(Flag("System.GC.Server", false) ? "server" : "workstation")} GC, concurrent {(Flag("System.GC.Concurrent", true) ? "on" : "off")}";
    }
}
