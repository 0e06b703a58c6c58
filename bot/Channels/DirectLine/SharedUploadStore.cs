using System.Text.Json;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Uploads in the shared store (Redis), so a file link works on every instance. They expire with the conversation
/// (<c>State:ConversationTimeToLive</c>), which is as long as their links are valid. Files are small
/// (<c>DirectLine:Upload:MaxFileBytes</c>), so each is buffered whole.
/// </summary>
public sealed class SharedUploadStore(ISharedBlobStore blobs, IOptions<StateOptions> stateOptions) : IUploadStore
{
    public async Task<UploadedFile?> SaveAsync(string conversationId, Stream content, string contentType, string name, long maxBytes, CancellationToken cancellationToken)
    {
        if (!UploadIds.IsConversationId(conversationId)) throw new ArgumentException("Invalid conversation id.", nameof(conversationId));
        var bytes = await RequestBody.ReadAsync(content, (int)Math.Min(maxBytes, int.MaxValue), cancellationToken);
        if (bytes is null) return null;
        var file = new UploadedFile(UploadIds.NewFileId(), contentType, name, bytes.Length);
        var lifetime = stateOptions.Value.ConversationTimeToLive;
        await blobs.SetAsync(StateKeys.DirectLineUpload(conversationId, file.FileId), bytes, lifetime);
        // The description last: a file is findable only once its bytes are there.
        await blobs.SetAsync(StateKeys.DirectLineUploadInfo(conversationId, file.FileId), JsonSerializer.SerializeToUtf8Bytes(file), lifetime);
        return file;
    }

    public async Task<StoredUpload?> FindAsync(string conversationId, string fileId, CancellationToken cancellationToken)
    {
        if (!UploadIds.IsFileId(fileId) || !UploadIds.IsConversationId(conversationId)) return null;
        var info = await blobs.GetAsync(StateKeys.DirectLineUploadInfo(conversationId, fileId));
        if (info is null || JsonSerializer.Deserialize<UploadedFile>(info) is not { } file) return null;
        var bytes = await blobs.GetAsync(StateKeys.DirectLineUpload(conversationId, fileId));
        return bytes is null ? null : new StoredUpload(file, new MemoryStream(bytes, writable: false));
    }

    public async Task DeleteAsync(string conversationId, UploadedFile file)
    {
        await blobs.DeleteAsync(StateKeys.DirectLineUploadInfo(conversationId, file.FileId));
        await blobs.DeleteAsync(StateKeys.DirectLineUpload(conversationId, file.FileId));
    }

    /// <summary>Nothing to sweep: the store expires uploads by itself.</summary>
    public int DeleteOlderThan(DateTimeOffset cutoff) => 0;
}
