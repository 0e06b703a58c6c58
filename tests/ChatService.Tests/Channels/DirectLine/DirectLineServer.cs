using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>
/// The real service on Kestrel, on a free loopback port, with a test secret, a temporary data folder, a 1-second
/// keep-alive and a small upload limit. <paramref name="configureServices"/> may swap a service (only for outages).
/// </summary>
public class DirectLineServer : IDisposable
{
    public const string Secret = "test-directline-secret-0123456789";
    public const int MaxFileBytes = 64 * 1024;

    private readonly WebApplicationFactory<Program> _factory;

    public DirectLineServer() : this(null) { }

    protected DirectLineServer(Action<IServiceCollection>? configureServices, string? redisConnectionString = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "chatservice-dl-" + Guid.NewGuid().ToString("N"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("urls", "http://127.0.0.1:0"); // never the default port 5080: other test runs share this machine
            builder.UseSetting("DirectLine:Secret", Secret);
            builder.UseSetting("Storage:DataDirectory", DataDirectory);
            builder.UseSetting("DirectLine:KeepAliveInterval", "00:00:01");
            builder.UseSetting("DirectLine:MaxClientFramesPerMinute", "20");
            builder.UseSetting("DirectLine:Upload:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("WebChat:TokenRequestsPerMinute", "1000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Pipeline:TypingDelay", "00:05:00"); // no typing entries: the tests count stream positions exactly
            if (redisConnectionString is not null) builder.UseSetting("ConnectionStrings:Redis", redisConnectionString);
            if (configureServices is not null) builder.ConfigureTestServices(configureServices);
        });
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _factory.Services;

    public DirectLineClient Client() => new(Http);

    public void Dispose()
    {
        Http.Dispose();
        _factory.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class DirectLineCollection : ICollectionFixture<DirectLineServer>
{
    public const string Name = "DirectLine server";
}
