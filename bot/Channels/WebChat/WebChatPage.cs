using System.Text.Encodings.Web;
using ChatService.Dialogs;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.WebChat;

/// <summary>The customer page: <c>wwwroot/webchat/index.html</c> with the company's names filled in (HTML-encoded).</summary>
public sealed class WebChatPage(IWebHostEnvironment environment, IOptionsMonitor<CompanyOptions> company)
{
    // Web Chat injects its styles at run time (emotion), so inline styles must be allowed; scripts come only from us.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private string? _template;

    public string Render()
    {
        _template ??= File.ReadAllText(Path.Combine(environment.WebRootPath, "webchat", "index.html"));
        var c = company.CurrentValue;
        var html = HtmlEncoder.Default;
        return _template
            .Replace("{{NameZh}}", html.Encode(c.NameZh), StringComparison.Ordinal)
            .Replace("{{NameEn}}", html.Encode(c.NameEn), StringComparison.Ordinal)
            .Replace("{{BotNameZh}}", html.Encode(c.BotNameZh), StringComparison.Ordinal)
            .Replace("{{BotNameEn}}", html.Encode(c.BotNameEn), StringComparison.Ordinal)
            .Replace("{{Hotline}}", html.Encode(c.Hotline), StringComparison.Ordinal)
            .Replace("{{HoursZh}}", html.Encode(c.ServiceHoursZh), StringComparison.Ordinal)
            .Replace("{{HoursEn}}", html.Encode(c.ServiceHoursEn), StringComparison.Ordinal);
    }

    public static void AddSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // No microphone: also keeps DirectLineJS's voice mode (a different socket protocol) off.
        headers["Permissions-Policy"] = "microphone=(), camera=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-cache";
    }
}
