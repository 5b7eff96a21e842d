using Aura.Core.Kernel;
using Aura.Core.Pipeline.Scripts;

namespace Aura.Core.Pipeline.Stages;

/// <summary>Script: asks the script provider for the scenes and keeps them as <c>script.json</c>.</summary>
public sealed class ScriptStage(IScriptProvider scripts) : IPipelineStage
{
    public JobStage Stage => JobStage.Script;

    public string Title => "Writing the script";

    public async Task RunAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var script = await scripts.WriteAsync(run.Job.Request, cancellationToken);
        if (script.Scenes.Count == 0)
            throw new JobFailedException(ErrorCodes.Internal, "The script has no scenes.", "Try a different topic.");
        await run.Progress.ReportAsync(60, $"Script written: {script.Scenes.Count} scenes");

        await ScriptFile.WriteAsync(run.Layout.Script, script, cancellationToken);
        run.UseScript(script);
        await run.AnnounceArtifactAsync(run.Layout.Script, "application/json");
    }
}
