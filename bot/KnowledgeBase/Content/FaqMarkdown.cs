using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatService.KnowledgeBase.Content;

/// <summary>
/// Answers are Markdown written by editors; wherever an answer is shown as HTML (editor, preview, web chat) it goes
/// through here. Raw HTML is escaped (shown as text, never run), and links or images whose scheme is not http, https,
/// mailto or tel (javascript:, data:, vbscript:…) lose their target.
/// </summary>
public static class FaqMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static string ToSafeHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline);
    }

    /// <summary>Relative links and the safe schemes pass. Browsers ignore control characters and spaces inside a scheme, so they are removed before the check.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var boundary = compact.IndexOfAny(['/', '?', '#']);
        if (boundary >= 0 && boundary < colon) return true;
        return SafeSchemes.Contains(compact[..colon]);
    }
}
