using System.Diagnostics;
using System.Text;
using ChatService.KnowledgeBase.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>
/// Microsoft's unmodified clients against the real service: botframework-directlinejs in Node, and the official
/// Web Chat bundle on our page in Debian's Chromium (playwright-core). The scripts live in tests/e2e/.
/// </summary>
// Its own server instance (a class fixture, not the protocol tests' collection), so both groups run in parallel.
public sealed class NodeClientTests(DirectLineServer server, ITestOutputHelper log) : IClassFixture<DirectLineServer>
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public async Task DirectLineJs_WebSocketPollingReconnectAndRefresh_AllPass()
    {
        var (exitCode, output) = await RunNodeAsync("directline.test.mjs", server.BaseUrl.ToString());
        log.WriteLine(output);

        Assert.True(exitCode == 0, output);
        Assert.Contains("PASS websocket: start, send, receive", output);
        Assert.Contains("PASS polling: start, send, receive", output);
        Assert.Contains("PASS reconnect with watermark: no duplicates, no gaps", output);
        Assert.Contains("PASS token refresh keeps the conversation", output);
    }

    [Fact]
    public async Task WebChatPage_InChromium_GreetsAnswersEachLanguageAndScriptAndSuggestedActions()
    {
        var screenshots = Path.Combine(RepoRoot, "TestResults");

        var (exitCode, output) = await RunNodeAsync("webchat.browser.test.mjs", server.BaseUrl.ToString(), screenshots);
        log.WriteLine(output);

        Assert.True(exitCode == 0, output);
        Assert.Contains("PASS the greeting appears in Chinese", output);
        Assert.Contains("PASS a suggested action is clickable and gets a reply", output);
        Assert.Contains("PASS a 👎 on an FAQ answer is acknowledged (and reaches the editors' inbox)", output);
        Assert.Contains("PASS switching to Traditional Chinese restarts the conversation in Traditional characters", output);
        Assert.Contains("PASS switching to English restarts the conversation in English", output);
        Assert.Contains("PASS no console errors, CSP violations or failed requests", output);
        Assert.True(File.Exists(Path.Combine(screenshots, "webchat-zh.png")));
        // The other half of "a 👎 in chat becomes an alternate" (inbox → phrasing) is KbEditorBrowserTests.
        var inbox = await server.Services.GetRequiredService<IUnansweredInbox>().OpenAsync(100);
        Assert.Contains(inbox, item => item.Kind == InboxKinds.ThumbsDown && item.Question == "会员有哪些权益" && item.EntryId is not null);
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, params string[] args)
    {
        var e2e = Path.Combine(RepoRoot, "tests", "e2e");
        Assert.True(Directory.Exists(Path.Combine(e2e, "node_modules")),
            $"{e2e}/node_modules is missing: run `npm ci` in tests/e2e (tests/run.sh does this) before these tests.");
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(e2e, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = StartOrExplain(start);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish:\n{output}");
        }
        process.WaitForExit(); // flush the output events
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js is not installed (tests/run.sh installs it).", ex);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatService.sln"))) return dir.FullName;
        throw new InvalidOperationException("ChatService.sln not found above the test binaries.");
    }
}
