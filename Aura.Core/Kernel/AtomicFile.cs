using System.Text;
using System.Text.Json;

namespace Aura.Core.Kernel;

/// <summary>
/// Writes a file whole or not at all: to a temp file beside it, then a move over the old one.
/// A run killed half-way never leaves a half-written JSON file for a resume to trip over. JSON is
/// written as <see cref="FileJson"/> says.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public static Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        WriteTextAsync(path, JsonSerializer.Serialize(value, FileJson.Options), cancellationToken);

    public static async Task<T> ReadJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, FileJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no value");
    }
}
