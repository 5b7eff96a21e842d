using Aura.Core.Storage.Redis;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>The names the Jobs layer uses in Redis, beside the store's own (<see cref="RedisKeys"/>), under the same prefix and hash tag.</summary>
public sealed class RedisChannels(RedisKeys keys)
{
    /// <summary>The store's channel: every kept change, as <c>&lt;version&gt; &lt;job id&gt;</c>.</summary>
    public RedisChannel Changes { get; } = RedisChannel.Literal(keys.Changes);

    /// <summary>Cancel requests, as the job id: every node's listener stops the run if its workers have it.</summary>
    public RedisChannel Cancels { get; } = RedisChannel.Literal(keys.Base + "cancels");

    /// <summary>A job's standing cancel request (a string with an expiry): what a run that missed the message, or starts later, finds.</summary>
    public RedisKey CancelRequest(string jobId) => keys.Base + "cancel:" + jobId;

    /// <summary>The job id in a message of the changes channel (<c>&lt;version&gt; &lt;job id&gt;</c>), or null when it is not one.</summary>
    public static string? JobIdOfChange(RedisValue message)
    {
        var text = (string?)message;
        var space = text?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return space > 0 && space < text!.Length - 1 ? text[(space + 1)..] : null;
    }
}
