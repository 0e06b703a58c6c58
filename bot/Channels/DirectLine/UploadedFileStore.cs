using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatService.Hosting;

namespace ChatService.Channels.DirectLine;

/// <summary>A stored upload: what it is and where its bytes are.</summary>
public sealed record UploadedFile(string FileId, string ContentType, string Name, long Length);

/// <summary>
/// Files customers upload, under <c>{Storage:DataDirectory}/directline/uploads/{conversationId}/</c>; each file has
/// a JSON sidecar with its content type and name. Several instances need that folder on a shared volume.
/// </summary>
public sealed partial class UploadedFileStore(IHostEnvironment environment, IConfiguration configuration)
{
    private readonly string _root = Path.Combine(
        ContentPaths.Resolve(environment, configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data"), "directline", "uploads");

    /// <summary>Copies at most <paramref name="maxBytes"/> from <paramref name="content"/>; null (and nothing kept) when larger.</summary>
    public async Task<UploadedFile?> SaveAsync(string conversationId, Stream content, string contentType, string name, long maxBytes, CancellationToken cancellationToken)
    {
        var folder = Folder(conversationId);
        Directory.CreateDirectory(folder);
        var fileId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
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

    public async Task<(UploadedFile File, string Path)?> FindAsync(string conversationId, string fileId, CancellationToken cancellationToken)
    {
        if (!FileIdPattern().IsMatch(fileId) || !SafeIdPattern().IsMatch(conversationId)) return null;
        var path = Path.Combine(Folder(conversationId), fileId);
        if (!File.Exists(path + ".json") || !File.Exists(path)) return null;
        var stored = JsonSerializer.Deserialize<UploadedFile>(await File.ReadAllTextAsync(path + ".json", cancellationToken));
        return stored is null ? null : (stored, path);
    }

    public void Delete(string conversationId, UploadedFile file)
    {
        var path = Path.Combine(Folder(conversationId), file.FileId);
        File.Delete(path);
        File.Delete(path + ".json");
    }

    /// <summary>Deletes files (and then empty conversation folders) last written before <paramref name="cutoff"/>; returns how many files.</summary>
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

    // Conversation ids we issue are base64url; anything else never reaches the file system.
    private string Folder(string conversationId) =>
        SafeIdPattern().IsMatch(conversationId) ? Path.Combine(_root, conversationId) : throw new ArgumentException("Invalid conversation id.", nameof(conversationId));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex FileIdPattern();
}
