namespace Aura.Tests.Ui;

/// <summary>
/// Records, in the page, every change of a stepper step's <c>data-status</c> as it happens
/// (a MutationObserver), so a test can tell the order in which stages turned Succeeded even
/// when they pass faster than it can poll.
/// </summary>
public static class StepRecorder
{
    public const string Install = """
        () => {
          window.__stepChanges = [];
          new MutationObserver((records) => {
            for (const r of records) {
              if (r.target.classList?.contains('step')) window.__stepChanges.push(r.target.dataset.step + ':' + r.target.dataset.status);
            }
          }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
        }
        """;

    /// <summary>Each step's name once, in the order it first turned Succeeded.</summary>
    public static Task<string[]> SucceededOrderAsync(UiSession ui) =>
        ui.EvaluateAsync<string[]>("""
            [...new Set(window.__stepChanges.filter(c => c.endsWith(':Succeeded')).map(c => c.split(':')[0]))]
            """);

    public static Task<Dictionary<string, string>> CurrentStatusesAsync(UiSession ui) =>
        ui.EvaluateAsync<Dictionary<string, string>>("""
            Object.fromEntries([...document.querySelectorAll('.stepper .step')].map(s => [s.dataset.step, s.dataset.status]))
            """);
}
