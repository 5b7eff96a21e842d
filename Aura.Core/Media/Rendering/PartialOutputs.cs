using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// The temporary files one FFmpeg run writes instead of its outputs (<c>video.mp4</c> becomes
/// <c>video.&lt;random&gt;.partial.mp4</c> beside it), moved into place only when FFmpeg succeeded.
/// No two processes ever write one file, and a run that dies half-way never leaves a half-written
/// output under the real name for a resume or a client to trust.
/// </summary>
internal sealed class PartialOutputs
{
    private const string Suffix = ".partial";
    private readonly (string Final, string Partial)[] _files;

    public PartialOutputs(IReadOnlyList<string> outputs)
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        // The extension stays last, so FFmpeg still picks the format from it.
        _files = outputs.Select(Path.GetFullPath)
            .Select(final => (final, Path.Combine(Path.GetDirectoryName(final)!,
                $"{Path.GetFileNameWithoutExtension(final)}.{token}{Suffix}{Path.GetExtension(final)}")))
            .ToArray();
    }

    public IReadOnlyList<string> Partials => _files.Select(f => f.Partial).ToArray();

    /// <summary>The arguments with each output path replaced by its temporary file.</summary>
    /// <exception cref="InvalidOperationException">an output is not among the arguments (a builder's mistake).</exception>
    public IReadOnlyList<string> Rewrite(IReadOnlyList<string> arguments)
    {
        var rewritten = arguments.ToArray();
        foreach (var (final, partial) in _files)
        {
            var index = Array.IndexOf(rewritten, final);
            if (index < 0)
                throw new InvalidOperationException($"The output '{final}' is not among FFmpeg's arguments.");
            rewritten[index] = partial;
        }
        return rewritten;
    }

    /// <summary>Temporary files of earlier runs of the same outputs (a crash left them; their writers are stopped at start).</summary>
    public IEnumerable<string> Stale() => _files.SelectMany(f =>
        Directory.Exists(Path.GetDirectoryName(f.Final))
            ? Directory.EnumerateFiles(Path.GetDirectoryName(f.Final)!,
                $"{Path.GetFileNameWithoutExtension(f.Final)}.*{Suffix}{Path.GetExtension(f.Final)}")
            : []);

    /// <summary>Moves each temporary file over its output (a rename: atomic on one file system).</summary>
    public void Commit()
    {
        foreach (var (final, partial) in _files)
        {
            // A fake or odd ffmpeg may exit 0 without writing; then there is nothing to move.
            if (File.Exists(partial))
                File.Move(partial, final, overwrite: true);
        }
    }

    /// <summary>What a failed or canceled run leaves behind: its temporary files and any output of the same name.</summary>
    public IEnumerable<string> Leftovers() => _files.SelectMany(f => new[] { f.Partial, f.Final });
}
