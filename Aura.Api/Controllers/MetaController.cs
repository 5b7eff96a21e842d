using Aura.Core.Kernel;
using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Controllers;

/// <summary>The service's rules as data (GET /api/meta): the web UI draws stages and limits from here, not from copies.</summary>
[ApiController]
[Route(JobUrls.MetaTemplate)]
public sealed class MetaController : ControllerBase
{
    private static readonly MetaResponse Meta = new(
        JobPhases.WorkStages.Select(stage =>
        {
            var (from, to) = JobPhases.RangeOf(stage);
            return new StageInfo(stage.ToString(), JobPhases.PhaseOf(stage), from, to);
        }).ToList(),
        Enum.GetNames<JobStatus>(),
        Enum.GetValues<JobStatus>().Where(s => s.IsTerminal()).Select(s => s.ToString()).ToList(),
        new MetaLimits(CreateJobValidator.MaxTopicLength, CreateJobValidator.MaxTextLength,
            (int)CreateJobValidator.MinDuration.TotalSeconds, (int)CreateJobValidator.MaxDuration.TotalSeconds,
            CreateJobValidator.MinFps, CreateJobValidator.MaxFps, JobQueryParameters.MaxLimit));

    [HttpGet]
    public MetaResponse Get() => Meta;
}
