using System.Collections.Concurrent;

namespace Aura.Api.Security;

/// <summary>
/// The logger factory the authentication handler is made with: one logger per category for the service's life.
/// ASP.NET Core makes an authentication handler per request, and its base class asks the factory for its logger
/// each time; Serilog's factory answers every call with a new logger (and caches of its own), which then lives
/// as long as the request: a heap dump of 10,000 open streams held 10,000 of them.
/// </summary>
public sealed class HandlerLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The inner factory is the host's, and the host disposes it.
    }
}
