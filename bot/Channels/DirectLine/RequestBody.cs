namespace ChatService.Channels.DirectLine;

/// <summary>Reads a request body up to a limit, so a huge body is refused without being buffered.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        request.ContentLength > maxBytes ? Task.FromResult<byte[]?>(null) : ReadAsync(request.Body, maxBytes, cancellationToken);

    /// <summary>The stream's content, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
