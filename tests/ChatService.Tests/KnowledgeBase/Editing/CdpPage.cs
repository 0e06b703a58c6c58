using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>
/// One page of Debian's real headless Chromium, driven over the DevTools protocol (the few calls these tests need:
/// navigate, evaluate, screenshot). A minimal client, so the tests need no Playwright download.
/// </summary>
internal sealed partial class CdpPage : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private int _nextId;

    private CdpPage(Process browser, string profile) => (_browser, _profile) = (browser, profile);

    public static async Task<CdpPage> LaunchAsync()
    {
        var profile = Path.Combine(Path.GetTempPath(), $"kb-cdp-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Chromium.Path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
                     $"--user-data-dir={profile}", "--window-size=1400,900", "about:blank" })
            start.ArgumentList.Add(argument);
        var page = new CdpPage(Process.Start(start)!, profile);
        _ = page._browser.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? endpoint = null;
        while (endpoint is null && await page._browser.StandardError.ReadLineAsync(timeout.Token) is { } line)
            if (DevToolsLine().Match(line) is { Success: true } match) endpoint = match.Groups[1].Value;
        _ = page._browser.StandardError.ReadToEndAsync();
        if (endpoint is null) throw new InvalidOperationException("Chromium did not open its DevTools port");
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://{endpoint}/json/list"))!.AsArray();
        var target = targets.First(t => (string?)t!["type"] == "page")!;
        await page._socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), timeout.Token);
        await page.SendAsync("Page.enable");
        return page;
    }

    public async Task NavigateAsync(string url)
    {
        // The marker tells the old document from the new one.
        await EvaluateAsync("window.__cdpOld = true");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForAsync("!window.__cdpOld && document.readyState === 'complete'");
    }

    /// <summary>Runs <paramref name="script"/> (an expression; promises are awaited) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string script)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["awaitPromise"] = true, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } exception) throw new InvalidOperationException($"Script failed: {exception.ToJsonString()}");
        return result["result"]?["value"];
    }

    /// <summary>Polls a condition in the page until it is true (the UI updates after fetches).</summary>
    public async Task WaitForAsync(string condition, int timeoutMs = 10_000)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await EvaluateAsync($"!!({condition})") is JsonValue value && value.GetValue<bool>()) return;
            if (clock.ElapsedMilliseconds > timeoutMs)
                throw new TimeoutException($"Waited {timeoutMs} ms for: {condition}. Message shown: {await EvaluateAsync("document.querySelector('#message')?.innerText")}");
            await Task.Delay(50);
        }
    }

    public async Task ScreenshotAsync(string path)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!));
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult chunk;
            do
            {
                chunk = await _socket.ReceiveAsync(buffer, timeout.Token);
                received.Write(buffer, 0, chunk.Count);
            } while (!chunk.EndOfMessage);
            var reply = JsonNode.Parse(received.ToArray())!;
            if ((int?)reply["id"] != id) continue; // an event
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); } catch (WebSocketException) { }
        _socket.Dispose();
        if (!_browser.HasExited) _browser.Kill(entireProcessTree: true);
        await _browser.WaitForExitAsync();
        _browser.Dispose();
        try { Directory.Delete(_profile, true); } catch (IOException) { }
    }

    [GeneratedRegex(@"DevTools listening on ws://([^/]+)/")]
    private static partial Regex DevToolsLine();
}
