using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ChatService.Tests.State;

/// <summary>
/// One real service instance (Kestrel on a free loopback port) configured with the given Redis; tests start
/// two of them on one redis-server to act as two instances behind a load balancer.
/// </summary>
public sealed class StateHostFactory(string redisConnectionString, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Further settings of this instance (e.g. its own <c>Storage:DataDirectory</c>).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Redis", redisConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => configureServices?.Invoke(services));
    }

    /// <summary>Starts Kestrel on a dynamic port and returns a client for it.</summary>
    public HttpClient StartAndCreateClient()
    {
        UseKestrel(0);
        StartServer();
        return CreateClient();
    }
}
