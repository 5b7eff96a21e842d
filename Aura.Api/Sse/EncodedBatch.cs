namespace Aura.Api.Sse;

/// <summary>A batch of events framed for the wire and encoded to UTF-8 once, for every stream that sends it.</summary>
public sealed record EncodedBatch(ReadOnlyMemory<byte> Bytes, int Events)
{
    public static readonly EncodedBatch Empty = new(ReadOnlyMemory<byte>.Empty, 0);
}
