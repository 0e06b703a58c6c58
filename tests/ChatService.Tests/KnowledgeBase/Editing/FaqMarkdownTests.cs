using ChatService.KnowledgeBase.Content;

namespace ChatService.Tests.KnowledgeBase.Editing;

public sealed class FaqMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <script src=\"https://evil.example/x.js\"></script> there")]
    public void ToSafeHtml_ScriptTag_IsEscapedNotRun(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click](javascript&#58;alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![x](javascript:alert(1))")]
    public void ToSafeHtml_UnsafeLink_LosesItsTarget(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<div onclick=\"alert(1)\">hi</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("text <b onmouseover=alert(1)>bold</b>")]
    public void ToSafeHtml_RawHtml_IsShownAsText(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<div", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<b ", html);
    }

    [Fact]
    public void ToSafeHtml_OrdinaryMarkdown_KeepsFormattingAndSafeLinks()
    {
        var html = FaqMarkdown.ToSafeHtml("**Bold** and a [site](https://www.anxin-demo.example) and [mail](mailto:a@b.example)\n\n- one\n- two");
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("href=\"https://www.anxin-demo.example\"", html);
        Assert.Contains("href=\"mailto:a@b.example\"", html);
        Assert.Contains("<li>one</li>", html);
    }
}
