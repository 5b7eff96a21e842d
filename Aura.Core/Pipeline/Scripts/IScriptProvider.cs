using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>Turns a brief and a target duration into a script.</summary>
public interface IScriptProvider
{
    Task<VideoScript> WriteAsync(JobRequest request, CancellationToken cancellationToken);
}
