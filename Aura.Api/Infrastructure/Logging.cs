using Serilog;
using Serilog.Events;
using Aura.Core.Kernel;

namespace Aura.Api.Infrastructure;

/// <summary>Serilog: the console and a daily file <c>{LogsFolder}/aura-YYYYMMDD.log</c>, each line with its job and correlation ids.</summary>
public static class Logging
{
    private const string Template =
        "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    public static IHostBuilder UseAuraSerilog(this IHostBuilder host, IConfiguration configuration, IHostEnvironment environment)
    {
        var file = Path.Combine(ApiServiceCollectionExtensions.LogsFolder(configuration, environment), "aura-.log");
        return host.UseSerilog(preserveStaticLogger: true, configureLogger: (context, services, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            // Last of the enrichers, so that no property added before it keeps a key.
            .Enrich.With<AccessTokenRedaction>()
            .WriteTo.Console(outputTemplate: Template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(file, rollingInterval: RollingInterval.Day, outputTemplate: Template, shared: true,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One line per request; event streams log their own open and close, so their (long) requests are not reported as slow.</summary>
    public static IApplicationBuilder UseAuraRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o => o.GetLevel = (context, _, error) =>
            error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true ? LogEventLevel.Verbose
            : LogEventLevel.Information);
}
