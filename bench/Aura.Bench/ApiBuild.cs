namespace Aura.Bench;

/// <summary>Finds the built service: Aura.Api/bin/&lt;configuration&gt;/net10.0 beside Aura.Jobs.sln.</summary>
public static class ApiBuild
{
    private const string Solution = "Aura.Jobs.sln";

    /// <summary>The folder that holds Aura.Api.dll of <paramref name="configuration"/>, or null when it is not built.</summary>
    public static string? Folder(string configuration) => Built(configuration, "Aura.Api", "Aura.Api.dll");

    /// <summary>The folder that holds Aura.Floor.dll (built with the bench), or null when it is not built.</summary>
    public static string? FloorFolder(string configuration) => Built(configuration, Path.Combine("bench", "Aura.Floor"), "Aura.Floor.dll");

    private static string? Built(string configuration, string project, string dll)
    {
        // Look up from both the working directory and this program's own folder, so `dotnet run` from
        // anywhere in the repository and the built exe both find the solution.
        var root = FindRoot(Environment.CurrentDirectory) ?? FindRoot(AppContext.BaseDirectory);
        if (root is null)
            return null;
        var folder = Path.Combine(root, project, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, dll)) ? folder : null;
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Solution)))
                return dir.FullName;
        }
        return null;
    }
}
