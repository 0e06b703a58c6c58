namespace ChatService.State.Redis;

/// <summary>
/// How the stores name their Redis keys and channels. Each kind has its own prefix, so the same name used in
/// two stores never collides (a state key and a stream are different Redis types).
/// </summary>
public static class RedisKeys
{
    public static string State(string key) => $"chatservice:state:{key}";
    public static string Blob(string key) => $"chatservice:blob:{key}";
    public static string Stream(string streamId) => $"chatservice:stream:{streamId}";
    public static string StreamAppended(string streamId) => $"chatservice:stream-appended:{streamId}";
    public static string Lock(string conversationId) => $"chatservice:{StateKeys.Lock(conversationId)}";
    public static string LockReleased(string conversationId) => $"chatservice:lock-released:{conversationId}";
}
