using System.Text.Json;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Checkpoints;

/// <summary>
/// <c>checkpoints/{stage}.json</c> in the work folder: one file per finished stage, written
/// atomically after the stage's outputs, so a checkpoint never names a file that was not finished.
/// </summary>
public sealed class CheckpointStore(WorkLayout layout)
{
    public string PathOf(JobStage stage) => Path.Combine(layout.CheckpointFolder, stage.ToString().ToLowerInvariant() + ".json");

    public async Task SaveAsync(PipelineRun run, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        var checkpoint = new StageCheckpoint(
            run.CurrentStage,
            run.Job.Attempt,
            completedAt,
            run.StageFiles.Distinct(StringComparer.Ordinal).Select(layout.Relative).ToList(),
            run.StageArtifacts.Select(a => new CheckpointArtifact(a.Name, a.Type, layout.Relative(a.Path))).ToList());
        await AtomicFile.WriteJsonAsync(PathOf(run.CurrentStage), checkpoint, cancellationToken);
    }

    /// <summary>The stage's checkpoint when it exists, is readable and every file it names still exists; else null.</summary>
    public async Task<StageCheckpoint?> FindUsableAsync(JobStage stage, CancellationToken cancellationToken)
    {
        var path = PathOf(stage);
        if (!File.Exists(path))
            return null;
        StageCheckpoint checkpoint;
        try
        {
            checkpoint = await AtomicFile.ReadJsonAsync<StageCheckpoint>(path, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
        {
            return null; // unreadable: the stage simply runs again
        }
        var intact = checkpoint.Stage == stage
            && checkpoint.Files.All(f => File.Exists(layout.Absolute(f)))
            && checkpoint.Artifacts.All(a => File.Exists(layout.Absolute(a.File)));
        return intact ? checkpoint : null;
    }

    /// <summary>Forgets <paramref name="stage"/> and every later one: their outputs are about to be made again.</summary>
    public void RemoveFrom(JobStage stage)
    {
        if (!Directory.Exists(layout.CheckpointFolder))
            return;
        foreach (var later in JobPhases.WorkStages.Where(s => s >= stage))
            File.Delete(PathOf(later));
    }

    /// <summary>A first attempt starts from nothing, whatever an old folder of the same name held.</summary>
    public void Clear()
    {
        if (Directory.Exists(layout.CheckpointFolder))
            Directory.Delete(layout.CheckpointFolder, recursive: true);
    }

    public JobArtifact Restore(CheckpointArtifact artifact, JobStage stage)
    {
        var path = layout.Absolute(artifact.File);
        return new JobArtifact(artifact.Name, artifact.Type, new FileInfo(path).Length, path, stage);
    }
}
