namespace ChatService.State;

/// <summary>A stored value and the ETag that names its version.</summary>
public sealed record StoreItem(string Value, string ETag);

/// <summary>
/// Key/value state with optimistic concurrency. A write that names an ETag succeeds only if the stored
/// version still has it; otherwise it throws <see cref="ETagConflictException"/> and changes nothing.
/// Any method throws <see cref="StoreUnavailableException"/> when the configured store cannot be reached;
/// a write either happens entirely or not at all.
/// </summary>
public interface IStateStore
{
    Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="value"/>; <paramref name="expectedETag"/> null = unconditional, "*" = must not exist yet.</summary>
    /// <returns>The new ETag.</returns>
    Task<string> WriteAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>The stored version changed since it was read.</summary>
public sealed class ETagConflictException(string key) : Exception($"The state '{key}' was changed by someone else.");

/// <summary>A configured store cannot be reached; the request should be retried later (HTTP 503).</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
