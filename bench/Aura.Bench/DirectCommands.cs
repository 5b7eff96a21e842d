using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>
/// The quick demo's own tools run directly, one after the other, for the demo's wall-time ratio: espeak-ng
/// once per scene (the narration from the job's <c>script.json</c>, on stdin, with the service's default
/// arguments) and every FFmpeg command of the job's FFmpeg log (its <c>Command:</c> lines, POSIX-quoted,
/// run with /bin/sh; they write their own temporary outputs in the job's folder).
/// </summary>
public static class DirectCommands
{
    public static async Task<TimeSpan> RunAsync(ServiceInstance service, string jobId)
    {
        var script = await service.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/artifacts/script.json");
        var log = await service.Client.GetStringAsync($"/api/jobs/{jobId}/logs/ffmpeg");
        var commands = log.Split('\n').Where(l => l.StartsWith("Command: ", StringComparison.Ordinal)).Select(l => l["Command: ".Length..].TrimEnd('\r')).ToList();
        if (commands.Count == 0)
            throw new InvalidOperationException($"the FFmpeg log of job {jobId} names no command");
        var narrations = script.GetProperty("scenes").EnumerateArray().Select(s => s.GetProperty("narration").GetString() ?? "").ToList();
        var wavFolder = Directory.CreateTempSubdirectory("aura-bench-direct-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < narrations.Count; i++)
                await RunAsync("espeak-ng", ["-v", "en", "-s", "160", "-b", "1", "-w", Path.Combine(wavFolder, $"scene-{i + 1:00}.wav"), "--stdin"], narrations[i]);
            foreach (var command in commands)
                await RunAsync("/bin/sh", ["-c", command + " < /dev/null"], null);
            return clock.Elapsed;
        }
        finally
        {
            Directory.Delete(wavFolder, recursive: true);
        }
    }

    private static async Task RunAsync(string file, string[] args, string? stdin)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, errors);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {errors.Result[^Math.Min(errors.Result.Length, 400)..]}");
    }
}
