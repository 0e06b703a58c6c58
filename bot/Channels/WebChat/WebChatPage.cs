using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChatService.Dialogs;
using ChatService.Nlu;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.WebChat;

/// <summary>
/// The customer page: <c>wwwroot/webchat/index.html</c> with the company's names filled in (HTML-encoded), the
/// Traditional ones converted from the Simplified configuration like every other Traditional text.
/// </summary>
public sealed class WebChatPage(IWebHostEnvironment environment, IOptionsMonitor<CompanyOptions> company)
{
    // Web Chat injects its styles at run time (emotion), so inline styles must be allowed; scripts come only from us.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        // connect-src blob: lets DirectLineJS read a chosen file (a blob: URL) to upload it.
        "media-src 'self' blob:; font-src 'self' data:; connect-src 'self' blob:; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All); // keep Chinese readable in the source

    private string? _template;

    public string Render()
    {
        _template ??= File.ReadAllText(Path.Combine(environment.WebRootPath, "webchat", "index.html"));
        var c = company.CurrentValue;
        return _template
            .Replace("{{NameZh}}", Html.Encode(c.NameZh), StringComparison.Ordinal)
            .Replace("{{NameHant}}", Html.Encode(ScriptConverter.ToTraditional(c.NameZh)), StringComparison.Ordinal)
            .Replace("{{NameEn}}", Html.Encode(c.NameEn), StringComparison.Ordinal)
            .Replace("{{BotNameZh}}", Html.Encode(c.BotNameZh), StringComparison.Ordinal)
            .Replace("{{BotNameHant}}", Html.Encode(ScriptConverter.ToTraditional(c.BotNameZh)), StringComparison.Ordinal)
            .Replace("{{BotNameEn}}", Html.Encode(c.BotNameEn), StringComparison.Ordinal)
            .Replace("{{Hotline}}", Html.Encode(c.Hotline), StringComparison.Ordinal)
            .Replace("{{HoursZh}}", Html.Encode(c.ServiceHoursZh), StringComparison.Ordinal)
            .Replace("{{HoursHant}}", Html.Encode(ScriptConverter.ToTraditional(c.ServiceHoursZh)), StringComparison.Ordinal)
            .Replace("{{HoursEn}}", Html.Encode(c.ServiceHoursEn), StringComparison.Ordinal);
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
