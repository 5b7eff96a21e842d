using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Core.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Aura.Core.Kernel;

namespace Aura.Api.Controllers;

/// <summary>The quick demo: a short offline video (about 12 s, 1280×720) from an optional topic.</summary>
[ApiController]
[Route(JobUrls.QuickTemplate)]
public sealed class QuickController(JobCreation creation) : ControllerBase
{
    [HttpPost("demo")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Limits.RateLimits.JobCreationPolicy)]
    [RequestSizeLimit(CreateJobValidator.MaxBodyBytes)]
    public async Task<IActionResult> Demo([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] QuickDemoBody? body,
        CancellationToken cancellationToken)
    {
        var topic = CreateJobValidator.ValidateTopic(body?.Topic, out var errors);
        return errors.Count > 0
            ? Problems.Validation(HttpContext, errors)
            : await creation.CreateAsync(HttpContext, DemoJob.Request(topic), cancellationToken);
    }
}
