using ChatService.Hosting;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatService.State;

namespace ChatService.Tests.State;

/// <summary>A configured Redis that cannot be reached stops the start, with one clear line and a non-zero exit.</summary>
public sealed class StateStartupTests
{
    [Fact]
    public void StartServer_RedisUnreachable_RefusesToStartWithClearMessage()
    {
        var closedPort = ClosedPort();
        using var host = new StateHostFactory($"127.0.0.1:{closedPort}");

        var error = Assert.ThrowsAny<Exception>(() => host.StartAndCreateClient());

        var failure = Assert.IsType<StartupException>(Innermost<StartupException>(error));
        Assert.Contains($"Redis at 127.0.0.1:{closedPort} (ConnectionStrings:Redis) is unreachable", failure.Message);
    }

    [Fact]
    public async Task ServiceProcess_RedisUnreachable_ExitsNonZeroWithOneLineAndNoStackTrace()
    {
        var closedPort = ClosedPort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ChatService.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Redis"] = $"127.0.0.1:{closedPort}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Logging__Console__FormatterName"] = "simple",
            },
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await process.WaitForExitAsync(timeout.Token);

        var output = await stdout + await stderr;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"ChatService cannot start: Redis at 127.0.0.1:{closedPort} (ConnectionStrings:Redis) is unreachable.", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }

    private static Exception? Innermost<T>(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is T) return error;
        return null;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again once disposed
    }
}
