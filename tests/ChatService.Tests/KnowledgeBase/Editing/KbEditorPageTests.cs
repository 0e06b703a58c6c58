namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>
/// The editor page in real headless Chromium. Chromium cannot send the test sign-in headers, so this host signs every
/// request in as an editor (the stand-in for the real staff sign-in).
/// </summary>
public sealed class KbEditorPageTests
{
    [Fact]
    public async Task EditorPage_InChromium_ListsEntriesOpensOneWithHistoryAndSanitizedPreview()
    {
        var dataDirectory = KbTestHost.NewDataDirectory();
        try
        {
            await using var host = KbTestHost.Start(dataDirectory, defaultUser: "erin", defaultRoles: "editor");
            var url = new Uri(host.BaseAddress, "/staff/kb/#claims-how-to-report").ToString();

            var dom = await Chromium.RunAsync("--virtual-time-budget=10000", "--dump-dom", url);
            var screenshot = Path.Combine(Path.GetTempPath(), "kb-editor-page.png");
            await Chromium.RunAsync("--virtual-time-budget=10000", $"--screenshot={screenshot}", url);

            Assert.Contains("<code>claims-how-to-report</code>", dom);
            Assert.Contains("<code>privacy-", dom);
            Assert.Contains("erin (editor)", dom);
            Assert.Contains("seed by kb-team", dom);
            Assert.Contains("<div class=\"preview\"><p>", dom);
            Assert.DoesNotContain("<script>alert", dom);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");
        }
        finally { KbTestHost.DeleteDataDirectory(dataDirectory); }
    }
}
