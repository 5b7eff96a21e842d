using Aura.Core.Media.Processes;

namespace Aura.Tests.Processes;

/// <summary>A fact that needs Linux's setpriv (util-linux), the wrapper that makes children die with the service.</summary>
public sealed class SetprivFactAttribute : FactAttribute
{
    public SetprivFactAttribute()
    {
        if (ChildProcessLauncher.FindWrapper() is null)
            Skip = "setpriv (util-linux) is not on the PATH, or this is not Linux.";
    }
}
