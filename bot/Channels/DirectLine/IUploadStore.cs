namespace ChatService.Channels.DirectLine;

/// <summary>A stored upload: what it is.</summary>
public sealed record UploadedFile(string FileId, string ContentType, string Name, long Length);

/// <summary>A stored upload found for serving: its description and its bytes (the caller disposes the stream).</summary>
public sealed record StoredUpload(UploadedFile File, Stream Content);

/// <summary>
/// Where files customers upload are kept until their links expire: on disk for a single instance
/// (<see cref="DiskUploadStore"/>), in the shared store when several instances serve the same conversations
/// (<see cref="SharedUploadStore"/>), so a link works whichever instance answers it.
/// </summary>
public interface IUploadStore
{
    /// <summary>Copies at most <paramref name="maxBytes"/> from <paramref name="content"/>; null (and nothing kept) when larger.</summary>
    Task<UploadedFile?> SaveAsync(string conversationId, Stream content, string contentType, string name, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The file, or null when the ids are malformed, unknown or expired.</summary>
    Task<StoredUpload?> FindAsync(string conversationId, string fileId, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationId, UploadedFile file);

    /// <summary>Deletes files last written before <paramref name="cutoff"/> where the store does not expire them itself; returns how many.</summary>
    int DeleteOlderThan(DateTimeOffset cutoff);
}
