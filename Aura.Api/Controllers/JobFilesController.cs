using System.Globalization;
using System.Text;
using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Aura.Api.Controllers;

/// <summary>A job's files: its artifacts (with Range, by name from the job's own list only) and its FFmpeg log.</summary>
[ApiController]
[Route(JobUrls.JobTemplate)]
public sealed class JobFilesController(Security.JobAccess access, JobFiles files) : ControllerBase
{
    public const int MaxTailLines = 10_000;

    [HttpGet("artifacts/{name}")]
    public async Task<IActionResult> Artifact(string jobId, string name, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(HttpContext, jobId, cancellationToken) is not { } job)
            return Problems.JobNotFound(HttpContext, jobId);
        // The path comes from the job's own record, never from the URL; and it must lie in the job's folder.
        var artifact = job.FindArtifact(name);
        var folder = Path.GetFullPath(files.WorkFolderOf(jobId)) + Path.DirectorySeparatorChar;
        if (artifact is null || !Path.GetFullPath(artifact.Path).StartsWith(folder, StringComparison.Ordinal) || !System.IO.File.Exists(artifact.Path))
            return Problems.Result(HttpContext, StatusCodes.Status404NotFound, ErrorCodes.ArtifactNotFound,
                $"The job has no artifact named '{name}'.", "List the job's artifacts with GET " + JobUrls.Job(jobId) + ".", jobId);
        return PhysicalFile(artifact.Path, artifact.Type, artifact.Name, enableRangeProcessing: true);
    }

    [HttpGet("logs/ffmpeg")]
    public async Task<IActionResult> FFmpegLog(string jobId, [FromQuery] string? tail, CancellationToken cancellationToken)
    {
        int? lines = null;
        if (!string.IsNullOrEmpty(tail))
        {
            if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxTailLines)
                return Problems.Validation(HttpContext, new Dictionary<string, string[]> { ["tail"] = [$"Use a whole number from 1 to {MaxTailLines}."] });
            lines = n;
        }
        if (await access.FindAsync(HttpContext, jobId, cancellationToken) is null)
            return Problems.JobNotFound(HttpContext, jobId);

        var path = files.FFmpegLogOf(jobId);
        // No FFmpeg run has finished yet: the log is empty, not missing.
        var text = System.IO.File.Exists(path) ? await ReadAsync(path, lines, cancellationToken) : "";
        return Content(text, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<string> ReadAsync(string path, int? tailLines, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file, Encoding.UTF8);
        if (tailLines is not { } n)
            return await reader.ReadToEndAsync(cancellationToken);
        var last = new Queue<string>(n);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (last.Count == n)
                last.Dequeue();
            last.Enqueue(line);
        }
        return string.Join('\n', last) + (last.Count > 0 ? "\n" : "");
    }
}
