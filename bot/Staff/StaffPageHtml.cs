using System.Text.Encodings.Web;

namespace ChatService.Staff;

/// <summary>The plain HTML frame of the staff pages (no scripts, so the strict content security policy holds).</summary>
public static class StaffPageHtml
{
    private const string Style = """
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f4f6f8;margin:0;color:#1d2733}
        main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
        h1{font-size:1.3rem;margin-top:0}label{display:block;margin:.8rem 0 .3rem}
        input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
        button,.button{margin-top:1.2rem;padding:.55rem 1.2rem;font-size:1rem;background:#1f5fa8;color:#fff;border:0;border-radius:4px;text-decoration:none;display:inline-block}
        .error{background:#fdecea;color:#8a1c12;padding:.6rem;border-radius:4px}.alt{margin-top:1.2rem}
        """;

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static Task WriteAsync(HttpContext context, string title, string bodyHtml)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} · ChatService staff</title><style>{Style}</style></head>
            <body><main><h1>{Encode(title)}</h1>
            {bodyHtml}
            </main></body></html>
            """);
    }
}
