using System.Globalization;
using System.Text;

namespace Aura.Floor;

/// <summary>
/// One bare SSE stream: headers, <c>retry:</c> and an initial event, then each change's bytes as
/// they come and a keep-alive comment whenever nothing was written for the keep-alive interval.
/// What any ASP.NET Core SSE endpoint does at the least; nothing of the service's logic.
/// </summary>
public static class FloorStream
{
    public static int Open;

    public static async Task RunAsync(HttpContext context, FloorSignal signal, string key, byte[] initial, TimeSpan keepAlive)
    {
        Interlocked.Increment(ref Open);
        try
        {
            var response = context.Response;
            var ended = context.RequestAborted;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache, no-transform";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.StartAsync(ended);
            await response.Body.WriteAsync(initial, ended);
            await response.Body.FlushAsync(ended);
            var lastWrite = DateTimeOffset.UtcNow;
            while (!ended.IsCancellationRequested)
            {
                var change = signal.Next(key);
                var wait = lastWrite + keepAlive - DateTimeOffset.UtcNow;
                byte[] bytes;
                try
                {
                    bytes = wait > TimeSpan.Zero ? await change.WaitAsync(wait, ended) : KeepAlive();
                }
                catch (TimeoutException)
                {
                    bytes = KeepAlive();
                }
                await response.Body.WriteAsync(bytes, ended);
                await response.Body.FlushAsync(ended);
                lastWrite = DateTimeOffset.UtcNow;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client left.
        }
        finally
        {
            Interlocked.Decrement(ref Open);
        }
    }

    // The same comment the service writes: ": keepalive: <UTC time>".
    private static byte[] KeepAlive() =>
        Encoding.UTF8.GetBytes($": keepalive: {DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}\n\n");
}
