using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Operations;

/// <summary>
/// The real service on a real Kestrel port on loopback, with a temporary data directory and test settings.
/// Every host has its own limits, accounts and signing key, so test classes do not disturb each other.
/// </summary>
public sealed class KestrelHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "initial-admin-password-1";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDataDirectory;

    public KestrelHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataDirectory = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        _settings = new()
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Staff:InitialAdmin:UserName"] = "admin",
            ["Staff:InitialAdmin:Password"] = AdminPassword,
            ["Operations:RateLimits:SignIn:PermitLimit"] = "1000", // tests sign in far more often than people do
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _services = services;
        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "chatservice-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A client of the real server; no automatic redirects, so tests see them.</summary>
    public HttpClient Client(bool cookies = false) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies }) { BaseAddress = BaseAddress };

    /// <summary>The real server's address (127.0.0.1 and a free port).</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsDataDirectory) return;
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } // best effort: a temp folder
    }
}
