using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>The public addresses Direct Line hands out: serviceUrl, streamUrl, uploaded-file links.</summary>
public sealed class DirectLineUrls(IOptions<DirectLineOptions> options, DirectLineTokenService tokens)
{
    public const string BasePath = "/v3/directline";

    public string BaseUrl(HttpRequest request)
    {
        var configured = options.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
    }

    public string ServiceUrl(HttpRequest request) => BaseUrl(request) + "/";

    /// <summary>A pre-authorized WebSocket URL (the <c>t</c> token is short-lived and only opens this stream).</summary>
    public string StreamUrl(HttpRequest request, string conversationId, string userId, string? watermark)
    {
        var baseUrl = BaseUrl(request);
        var wsBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl[8..] : "ws://" + baseUrl[7..];
        var token = tokens.Issue(conversationId, userId, TokenScopes.Stream, options.Value.StreamUrlLifetime);
        return $"{wsBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark={Uri.EscapeDataString(watermark ?? "")}&t={token}";
    }

    /// <summary>A link to an uploaded file, carrying a read token for that file only (browsers cannot add headers to img src).</summary>
    public string FileUrl(HttpRequest request, string conversationId, string userId, string fileId, TimeSpan lifetime)
    {
        var token = tokens.Issue(conversationId, userId, TokenScopes.File, lifetime, fileId);
        return $"{BaseUrl(request)}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/files/{fileId}?t={token}";
    }
}
