using System.Text.Json;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline.Scripts;

namespace Aura.Tests.Providers;

public sealed class ScriptJsonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_script_artifact_is_indented_camelCase_json_that_reads_back_the_same()
    {
        var script = TemplateScriptProvider.Write(JobRequest.ForTopic("Café \"Ω\" 🚀 <b>"));
        var path = _temp.File(Aura.Core.Pipeline.WorkLayout.ScriptName);

        await Aura.Core.Pipeline.ScriptFile.WriteAsync(path, script, CancellationToken.None);

        var json = await File.ReadAllTextAsync(path);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Café \"Ω\" 🚀 <b>", document.RootElement.GetProperty("title").GetString());
        var firstScene = document.RootElement.GetProperty("scenes")[0];
        Assert.Equal(0, firstScene.GetProperty("index").GetInt32());
        Assert.True(firstScene.TryGetProperty("estimatedDuration", out _));
        Assert.Contains("\n  \"scenes\": [", json);
        Assert.Contains("Café", json);
        var back = ScriptJson.Deserialize(json);
        Assert.Equal(script.Title, back.Title);
        Assert.Equal(script.Scenes, back.Scenes);
    }
}
