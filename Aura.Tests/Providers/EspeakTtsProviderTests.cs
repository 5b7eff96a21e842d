using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Audio;
using Aura.Core.Pipeline.Speech;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Providers;

public sealed class EspeakTtsProviderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static EspeakTtsProvider Provider(string? espeakPath = null) =>
        new(Options.Create(new TtsOptions { EspeakPath = espeakPath }), NullLogger<EspeakTtsProvider>.Instance);

    [Fact]
    public async Task The_real_espeak_ng_is_found_on_PATH_and_reports_its_version()
    {
        var availability = await Provider().CheckAsync(CancellationToken.None);

        Assert.True(availability.IsAvailable, availability.Problem);
        Assert.Matches(@"^espeak-ng \d+\.\d+", availability.Name);
        Assert.Null(availability.Problem);
    }

    [Fact]
    public async Task The_real_espeak_ng_speaks_a_sentence_into_a_wav_of_plausible_length()
    {
        var wav = _temp.File("scene-0.wav");

        await Provider().SpeakAsync("The sky is blue because air scatters blue light the most.", new VoiceSpec(), wav, CancellationToken.None);

        var info = WavFile.ReadInfo(wav);
        Assert.Equal(WavFormat.Espeak, info.Format);
        Assert.InRange(info.Duration, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Narration_that_starts_with_a_dash_is_spoken_not_parsed_as_an_option()
    {
        var wav = _temp.File("dash.wav");

        // Were "-q" read as an option espeak-ng would stay quiet and the WAV would be empty.
        await Provider().SpeakAsync("-q --version is what I typed, and it should be heard.", new VoiceSpec(), wav, CancellationToken.None);

        Assert.True(WavFile.ReadDuration(wav) > TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public async Task A_faster_rate_speaks_the_same_words_in_less_time()
    {
        var slow = _temp.File("slow.wav");
        var fast = _temp.File("fast.wav");
        const string text = "Counting words one two three four five six seven eight.";

        await Provider().SpeakAsync(text, new VoiceSpec("en", 0.75), slow, CancellationToken.None);
        await Provider().SpeakAsync(text, new VoiceSpec("en", 1.5), fast, CancellationToken.None);

        Assert.True(WavFile.ReadDuration(fast) < WavFile.ReadDuration(slow) * 0.8);
    }

    [Fact]
    public async Task A_missing_espeak_path_is_reported_as_unavailable_with_how_to_fix_it()
    {
        var availability = await Provider(_temp.File("no-such-espeak")).CheckAsync(CancellationToken.None);

        Assert.False(availability.IsAvailable);
        Assert.StartsWith(EspeakTtsProvider.NotFoundProblem, availability.Problem);
        Assert.Contains("apt-get install -y espeak-ng", availability.Problem);
        Assert.Contains("no-such-espeak", availability.Problem);
    }

    [Fact]
    public async Task Speaking_without_espeak_fails_with_E307()
    {
        var error = await Assert.ThrowsAsync<JobFailedException>(() =>
            Provider(_temp.File("no-such-espeak")).SpeakAsync("Hello.", new VoiceSpec(), _temp.File("x.wav"), CancellationToken.None));

        Assert.Equal(ErrorCodes.TtsFailed, error.Reason.Code);
    }

    [UnixOnlyFact]
    public async Task Availability_is_checked_once_however_many_callers_ask_at_once()
    {
        var provider = Provider(FakeEspeak.Create(_temp, "exit 0"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.CheckAsync(CancellationToken.None)));

        Assert.All(answers, a => Assert.Equal("espeak-ng 9.99", a.Name));
        Assert.Single(File.ReadAllLines(_temp.File("version-calls")));
    }

    [UnixOnlyFact]
    public async Task An_espeak_that_exits_1_fails_the_voice_stage_with_E307_and_its_stderr()
    {
        var fake = FakeEspeak.Create(_temp, FakeEspeak.FindOutput + """
            echo partial > "$out"
            echo "Error: voice synthesis exploded" >&2
            exit 1
            """);
        var wav = _temp.File("scene.wav");

        var error = await Assert.ThrowsAsync<JobFailedException>(() =>
            Provider(fake).SpeakAsync("Hello there.", new VoiceSpec(), wav, CancellationToken.None));

        Assert.Equal(ErrorCodes.TtsFailed, error.Reason.Code);
        Assert.Contains("exited with code 1", error.Reason.Message);
        Assert.Contains("voice synthesis exploded", error.Reason.StderrSnippet);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason.Remediation));
        Assert.False(File.Exists(wav));
    }

    [UnixOnlyFact]
    public async Task An_espeak_that_succeeds_without_writing_a_wav_fails_with_E307()
    {
        var wav = _temp.File("scene.wav");

        var error = await Assert.ThrowsAsync<JobFailedException>(() =>
            Provider(FakeEspeak.Create(_temp, "exit 0")).SpeakAsync("Hello there.", new VoiceSpec(), wav, CancellationToken.None));

        Assert.Equal(ErrorCodes.TtsFailed, error.Reason.Code);
        Assert.Contains("wrote no WAV", error.Reason.Message);
    }

    [UnixOnlyFact]
    public async Task Canceling_kills_espeak_and_removes_the_partial_wav()
    {
        var fake = FakeEspeak.Create(_temp, FakeEspeak.FindOutput + $"""
            echo $$ > "{_temp.File("pid")}"
            echo partial > "$out"
            exec sleep 600
            """);
        var wav = _temp.File("scene.wav");
        var provider = Provider(fake);
        await provider.CheckAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        using var watcher = new FileSystemWatcher(_temp.Path, "scene.wav") { EnableRaisingEvents = true };
        watcher.Created += (_, _) => cts.Cancel();

        // An espeak-ng waited for instead of killed would sleep for 10 minutes: the generous limit tells the two apart.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            provider.SpeakAsync("Hello.", new VoiceSpec(), wav, cts.Token).WaitAsync(TimeSpan.FromSeconds(120)));

        Assert.False(File.Exists(wav));
        var pid = int.Parse(File.ReadAllText(_temp.File("pid")));
        Assert.False(Directory.Exists($"/proc/{pid}"), "the espeak-ng process is still alive");
    }

    /// <summary>espeak-ng ended by a signal (Ctrl+C to the service's process group reaches it too), before the stop reaches the run.</summary>
    [UnixOnlyFact]
    public async Task An_espeak_ng_ended_by_the_services_stop_signal_is_an_interruption_not_a_failure()
    {
        var espeak = FakeEspeak.Create(_temp, $"""
            echo $$ > '{_temp.File("pid")}'
            kill -TERM $$
            """);
        using var stopping = new CancellationTokenSource();

        var speaking = Provider(espeak).SpeakAsync("Hello.", new VoiceSpec(), _temp.File("scene-0.wav"), stopping.Token);
        await Eventually.TrueAsync(() => File.Exists(_temp.File("pid")) && File.ReadAllText(_temp.File("pid")) is var pid
            && pid.EndsWith('\n') && !ProcessTable.IsAlive(int.Parse(pid)), TimeSpan.FromSeconds(60));
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => speaking.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [UnixOnlyFact]
    public async Task An_espeak_ng_ended_by_a_signal_while_the_service_carries_on_fails_the_job()
    {
        var espeak = FakeEspeak.Create(_temp, "kill -TERM $$");

        var error = await Assert.ThrowsAsync<JobFailedException>(() =>
            Provider(espeak).SpeakAsync("Hello.", new VoiceSpec(), _temp.File("scene-0.wav"), CancellationToken.None));

        Assert.Equal(ErrorCodes.TtsFailed, error.Reason.Code);
    }
}
