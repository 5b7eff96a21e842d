using System.Text.Json.Nodes;
using Aura.Core.Storage;

namespace Aura.Tests.Storage;

public sealed class StoreJsonTests
{
    [Fact]
    public void A_fully_populated_snapshot_reads_back_equal_in_every_field()
    {
        var original = StoredJobs.FullyPopulated();

        var back = StoreJson.Deserialize(StoreJson.Serialize(original));

        // Lists are compared item by item (a record compares lists by reference), the rest as records.
        Assert.Equal(original.Artifacts, back.Artifacts);
        Assert.Equal(original.Warnings, back.Warnings);
        Assert.Equal(original with { Artifacts = [], Warnings = [] }, back with { Artifacts = [], Warnings = [] });
        Assert.Equal(original.CompletedAt!.Value.Offset, back.CompletedAt!.Value.Offset);
        Assert.Equal(original.UpdatedAt.UtcTicks, back.UpdatedAt.UtcTicks);
    }

    [Fact]
    public void The_json_is_camel_case_with_enums_as_names_and_durations_as_clock_times()
    {
        var json = JsonNode.Parse(StoreJson.Serialize(StoredJobs.FullyPopulated()))!;

        Assert.Equal("Failed", (string?)json["status"]);
        Assert.Equal("Rendering", (string?)json["stage"]);
        Assert.Equal("Voice", (string?)json["artifacts"]![0]!["stage"]);
        Assert.Equal("00:01:35.5000000", (string?)json["request"]!["planSpec"]!["targetDuration"]);
        Assert.Equal(1920, (int?)json["request"]!["renderSpec"]!["res"]!["width"]);
        Assert.Equal("E304-FFMPEG_RUNTIME", (string?)json["failure"]!["code"]);
    }

    [Fact]
    public void Computed_properties_are_left_out_because_they_are_not_state()
    {
        var json = JsonNode.Parse(StoreJson.Serialize(StoredJobs.FullyPopulated()))!.AsObject();

        Assert.False(json.ContainsKey("phase"));
        Assert.False(json.ContainsKey("isTerminal"));
        Assert.True(json.ContainsKey("percent"));
    }

    [Fact]
    public void A_snapshot_with_only_the_required_fields_reads_back_with_the_defaults()
    {
        var minimal = StoredJobs.New("a");

        var back = StoreJson.Deserialize(StoreJson.Serialize(minimal));

        Assert.Equal(minimal with { Artifacts = [], Warnings = [] }, back with { Artifacts = [], Warnings = [] });
        Assert.Empty(back.Artifacts);
        Assert.Null(back.Failure);
    }
}
