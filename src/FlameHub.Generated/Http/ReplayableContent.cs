namespace FlameHub;

/// <summary>Whether a request body can be sent a second time (retry, 401 renewal).</summary>
internal static class ReplayableContent
{
    public static bool CanReplay(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent => true, // StringContent and FormUrlEncodedContent too
        ReadOnlyMemoryContent => true,
        _ => false,
    };
}
