using Aura.Core.Jobs;

namespace Aura.Core.Providers;

/// <summary>Turns a brief and a target duration into a script.</summary>
public interface IScriptProvider
{
    Task<VideoScript> WriteAsync(JobRequest request, CancellationToken cancellationToken);
}
