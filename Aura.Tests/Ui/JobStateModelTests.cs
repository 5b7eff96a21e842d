using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>
/// The page's model of a job (wwwroot/js/job-state.js), run in the browser by importing the
/// module: the rules that keep the detail honest when events repeat, arrive late, or race a GET.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JobStateModelTests
{
    private const string Import = "const m = await import('/js/job-state.js');";
    private const string RunningJob = "{ jobId: 'j1', status: 'Running', stage: 'Visuals', percent: 50, message: 'm', correlationId: 'c1', request: { brief: { topic: 'T' } } }";

    [ChromiumFact]
    public async Task A_running_jobs_state_marks_the_stages_before_it_done_and_reads_the_topic_from_the_request()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());

        var state = await ui.Page.EvaluateAsync<Dictionary<string, object>>(
            $"(async () => {{ {Import} const s = m.stateFromJob({RunningJob}); return {{ topic: s.topic, steps: JSON.stringify(s.steps) }}; }})()");

        Assert.Equal("T", state["topic"].ToString());
        Assert.Equal("""{"Script":"Succeeded","Voice":"Succeeded","Visuals":"Running","Compose":"Pending","Rendering":"Pending"}""", state["steps"].ToString());
    }

    [ChromiumFact]
    public async Task A_late_older_view_never_moves_the_percent_back_nor_reopens_an_ended_job()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());

        var result = await ui.Page.EvaluateAsync<string>($$"""
            (async () => {
              {{Import}}
              const s = m.stateFromJob({{RunningJob}});
              m.applyEvent(s, 'step-progress', { step: 'Visuals', progressPct: 60, message: 'newer' });
              m.mergeJob(s, { ...{{RunningJob}}, percent: 40 });
              const afterLateGet = s.percent;
              m.applyEvent(s, 'job-cancelled', { stage: 'Visuals', message: 'Canceled by request' });
              m.mergeJob(s, {{RunningJob}});
              m.applyEvent(s, 'job-status', { status: 'Running', stage: 'Compose', percent: 70 });
              return [afterLateGet, s.percent, s.status, s.steps.Visuals, s.steps.Compose].join(',');
            })()
            """);

        Assert.Equal("60,60,Canceled,Canceled,Pending", result);
    }

    [ChromiumFact]
    public async Task A_step_event_after_a_lost_one_still_shows_every_earlier_stage_done_and_repeats_change_nothing()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());

        var result = await ui.Page.EvaluateAsync<string>($$"""
            (async () => {
              {{Import}}
              const s = m.stateFromJob({ jobId: 'j1', status: 'Queued', stage: 'Queued', percent: 0 });
              m.applyEvent(s, 'step-status', { step: 'Compose', status: 'Running' });
              m.applyEvent(s, 'warning', { step: 'Voice', message: 'espeak-ng missing' });
              m.applyEvent(s, 'warning', { step: 'Voice', message: 'espeak-ng missing' });
              m.applyEvent(s, 'step-status', { step: 'Script', status: 'Running' });
              return JSON.stringify({ steps: s.steps, warnings: s.warnings.length });
            })()
            """);

        Assert.Equal("""{"steps":{"Script":"Succeeded","Voice":"Succeeded","Visuals":"Succeeded","Compose":"Running","Rendering":"Pending"},"warnings":1}""", result);
    }
}
