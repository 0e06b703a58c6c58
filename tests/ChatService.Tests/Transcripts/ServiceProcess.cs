using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatService.Tests.Transcripts;

/// <summary>The built service (bot/bin/{Release|Debug}/net10.0/ChatService.dll) run as a real process on a free loopback port.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static ServiceProcess Start(string dataDirectory)
    {
        var repoRoot = FindRepoRoot();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FindServiceDll(repoRoot));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var service = new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until the port answers HTTP (any status) or the process exits.</summary>
    public async Task<bool> WaitUntilListeningAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                await http.GetAsync("/");
                return true;
            }
            catch (HttpRequestException) { await Task.Delay(200); }
            catch (TaskCanceledException) { }
        }
        return false;
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);

    /// <summary>SIGKILL: no shutdown hooks, no flushing. What survives is what was durable.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatService.sln"))) return dir.FullName;
        throw new InvalidOperationException("ChatService.sln not found above " + AppContext.BaseDirectory);
    }

    // The configuration this test assembly was built in first (tests/run.sh builds Release), then the newest other build.
    private static string FindServiceDll(string repoRoot)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))) ?? "Release";
        var candidates = new[] { configuration, "Release", "Debug" }
            .Select(c => Path.Combine(repoRoot, "bot", "bin", c, "net10.0", "ChatService.dll"))
            .Where(File.Exists).ToList();
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("Build the service first: dotnet build ChatService.sln (bot/bin/*/net10.0/ChatService.dll not found).");
    }
}
