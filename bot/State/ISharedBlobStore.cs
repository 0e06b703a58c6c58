namespace ChatService.State;

/// <summary>
/// Opaque bytes every instance can read (registered only when a shared store is configured, i.e. Redis). Values
/// expire by themselves; rooms use it for small binary things that must follow a conversation across instances.
/// </summary>
public interface ISharedBlobStore
{
    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> (a <see cref="StateKeys"/> key) until it expires.</summary>
    Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive);

    /// <summary>The bytes under <paramref name="key"/>; null when absent or expired.</summary>
    Task<byte[]?> GetAsync(string key);

    Task DeleteAsync(string key);
}
