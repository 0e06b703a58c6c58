using System.Diagnostics;

namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>Debian's real Chromium, headless, for page tests: the DOM after scripts ran, and screenshots.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kb-chromium-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--window-size=1400,900" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("Chromium did not finish in 45 s"); }
        finally { try { Directory.Delete(profile, true); } catch (IOException) { } }
        return await output;
    }
}
