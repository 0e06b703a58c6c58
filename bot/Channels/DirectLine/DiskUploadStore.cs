using System.Text.Json;
using ChatService.Hosting;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Files customers upload, under <c>{Storage:DataDirectory}/directline/uploads/{conversationId}/</c>; each file has
/// a JSON sidecar with its content type and name. The embedded default: one instance (with Redis configured,
/// <see cref="SharedUploadStore"/> is used instead).
/// </summary>
public sealed class DiskUploadStore(IHostEnvironment environment, IConfiguration configuration) : IUploadStore
{
    private readonly string _root = Path.Combine(
        ContentPaths.Resolve(environment, configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data"), "directline", "uploads");

    public async Task<UploadedFile?> SaveAsync(string conversationId, Stream content, string contentType, string name, long maxBytes, CancellationToken cancellationToken)
    {
        var folder = Folder(conversationId);
        Directory.CreateDirectory(folder);
        var fileId = UploadIds.NewFileId();
        var path = Path.Combine(folder, fileId);
        long length = 0;
        await using (var file = File.Create(path))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes) break;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        if (length > maxBytes)
        {
            File.Delete(path);
            return null;
        }
        var stored = new UploadedFile(fileId, contentType, name, length);
        await File.WriteAllTextAsync(path + ".json", JsonSerializer.Serialize(stored), cancellationToken);
        return stored;
    }

    public async Task<StoredUpload?> FindAsync(string conversationId, string fileId, CancellationToken cancellationToken)
    {
        if (!UploadIds.IsFileId(fileId) || !UploadIds.IsConversationId(conversationId)) return null;
        var path = Path.Combine(Folder(conversationId), fileId);
        if (!File.Exists(path + ".json") || !File.Exists(path)) return null;
        var stored = JsonSerializer.Deserialize<UploadedFile>(await File.ReadAllTextAsync(path + ".json", cancellationToken));
        return stored is null ? null : new StoredUpload(stored, File.OpenRead(path));
    }

    public Task DeleteAsync(string conversationId, UploadedFile file)
    {
        var path = Path.Combine(Folder(conversationId), file.FileId);
        File.Delete(path);
        File.Delete(path + ".json");
        return Task.CompletedTask;
    }

    /// <summary>Also deletes conversation folders left empty.</summary>
    public int DeleteOlderThan(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(_root)) return 0;
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (File.GetLastWriteTimeUtc(file) >= cutoff.UtcDateTime) continue;
                File.Delete(file);
                if (!file.EndsWith(".json", StringComparison.Ordinal)) deleted++;
            }
            if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        return deleted;
    }

    private string Folder(string conversationId) =>
        UploadIds.IsConversationId(conversationId) ? Path.Combine(_root, conversationId) : throw new ArgumentException("Invalid conversation id.", nameof(conversationId));
}
