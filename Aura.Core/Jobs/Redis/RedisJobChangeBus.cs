namespace Aura.Core.Jobs.Redis;

/// <summary>
/// The change bus of nodes sharing a Redis store. Publishing is the store's own work: its save and delete
/// scripts <c>PUBLISH</c> <c>&lt;version&gt; &lt;job id&gt;</c> on the changes channel in the same step that
/// writes the change, so a second publish here would only double every message. Every node, this one
/// included, hears the change through <see cref="RedisChangeSubscriber"/>, which raises its
/// <see cref="JobChangeSignal"/> once; a lost message only delays a stream until its next poll.
/// </summary>
public sealed class RedisJobChangeBus : IJobChangeBus
{
    public void Publish(string jobId)
    {
        // Published already, by the script that kept the change.
    }
}
