using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatService.Tests.Support;

/// <summary>
/// A real redis-server child process on a free loopback port, without persistence. It can be stopped and
/// started again on the same port, to play an outage.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// <see cref="ConnectionString"/> with a 10 s connect timeout, for hosts that only need Redis to be there: the
    /// service's own 2 s start-up deadline (fail fast in production) can pass while the test run loads both cores.
    /// </summary>
    public string PatientConnectionString => $"{ConnectionString},connectTimeout=10000";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false }) return;
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server, or run tests/run.sh).", ex);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingAsync())
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} (port {Port}).");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"redis-server did not answer PING on port {Port}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Kills the server (no clean shutdown), as a crash or a network cut would look.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
