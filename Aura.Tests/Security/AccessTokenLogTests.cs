using System.Net;

namespace Aura.Tests.Security;

/// <summary>A key sent as <c>?access_token=</c> never reaches the log file, even with the framework's request lines on.</summary>
public sealed class AccessTokenLogTests : IDisposable
{
    private readonly AuraApplication _app = KeyedApplication.Create(app =>
        // The framework's "Request starting … ?access_token=…" lines, which the shipped settings keep quiet.
        app.Settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_access_token_is_in_no_log_line()
    {
        using var client = _app.Client();
        await using (var stream = await SseSession.OpenAsync(client, $"/api/jobs/events?access_token={KeyedApplication.AliceKey}&status=Queued"))
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        using (var missing = await client.GetAsync($"/api/jobs/0123/events?access_token={KeyedApplication.BobKey}"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        string text = "";
        await Eventually.TrueAsync(() =>
        {
            text = ReadLogs();
            return text.Contains("0123/events", StringComparison.Ordinal) && text.Contains("access_token=[redacted]", StringComparison.Ordinal);
        }, because: "the request lines were not logged");
        Assert.DoesNotContain(KeyedApplication.AliceKey, text);
        Assert.DoesNotContain(KeyedApplication.BobKey, text);
    }

    private string ReadLogs() => string.Concat(Directory.Exists(_app.LogsFolder)
        ? Directory.GetFiles(_app.LogsFolder, "aura-*.log").Select(ReadShared)
        : []);

    private static string ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(file).ReadToEnd();
    }
}
