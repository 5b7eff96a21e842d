using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>The form's own checks agree with the API's: lengths in characters a reader sees, no control characters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormValidationTests
{
    private static string Validate(string field, string jsValue) =>
        "import('/js/create-form.js').then(m => JSON.stringify(m.validate(Object.assign("
        + "{ topic: 'Tides', audience: '', goal: '', tone: '', duration: 30, width: 1280, height: 720, fps: 30 }, "
        + $"{{ {field}: {jsValue} }}))))";

    [ChromiumFact]
    public async Task The_form_counts_emoji_as_one_character_each_and_refuses_control_characters_as_the_API_does()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());

        var emoji500 = await ui.Page.EvaluateAsync<string>(Validate("topic", "'😀'.repeat(500)"));
        var emoji501 = await ui.Page.EvaluateAsync<string>(Validate("topic", "'😀'.repeat(501)"));
        var nul = await ui.Page.EvaluateAsync<string>(Validate("topic", "'Tides\\u0000'"));
        var crlf = await ui.Page.EvaluateAsync<string>(Validate("topic", "'Tides\\r\\nand moons\\tnow'"));
        var audience = await ui.Page.EvaluateAsync<string>(Validate("audience", "'é'.normalize('NFD').repeat(200)"));
        var tone = await ui.Page.EvaluateAsync<string>(Validate("tone", "'calm\\u009b'"));

        Assert.Equal("{}", emoji500);
        Assert.Contains("The topic is 501 characters; 500 at most.", emoji501);
        Assert.Contains("Control characters are not allowed", nul);
        Assert.Equal("{}", crlf);
        Assert.Equal("{}", audience);
        Assert.Contains("\"tone\"", tone);
        Assert.Empty(ui.Errors);
    }
}
