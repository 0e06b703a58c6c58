using ChatService.Tests.Support;
using System.Net.Http.Json;
using ChatService.KnowledgeBase.Search;
using ChatService.State;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>
/// The real service on a real Kestrel port, with its own data directory (the SQLite store, seeded from the repository's
/// knowledge-base/faq on first start) and a state store that several hosts may share (scale-out).
/// </summary>
public sealed class KbTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _factory.Services;
    public FaqSearcher Searcher => Services.GetRequiredService<FaqSearcher>();

    private KbTestHost(WebApplicationFactory<Program> factory, string dataDirectory)
    {
        _factory = factory;
        DataDirectory = dataDirectory;
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public static KbTestHost Start(string? dataDirectory = null, IStateStore? sharedState = null, string? defaultUser = null, string defaultRoles = "")
    {
        dataDirectory ??= NewDataDirectory();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Nlu:TrainOnStartup", "false");
            builder.UseSetting("Nlu:WatchModelFile", "false");
            builder.UseSetting("Nlu:ModelPath", Path.Combine(dataDirectory, "no-model.zip"));
            // The service sets its default URL (port 5080) itself; an explicit listen on a free loopback port wins over it.
            builder.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
            builder.ConfigureTestServices(services =>
            {
                if (sharedState is not null) services.AddSingleton(sharedState);
                // Every default points at the stand-in, so whatever the real sign-in configures, these tests use this one.
                services.AddAuthentication(options =>
                    {
                        options.DefaultScheme = TestSignInHandler.SchemeName;
                        options.DefaultAuthenticateScheme = TestSignInHandler.SchemeName;
                        options.DefaultChallengeScheme = TestSignInHandler.SchemeName;
                        options.DefaultForbidScheme = TestSignInHandler.SchemeName;
                    });
                services.AddTestStaffSignIn(options =>
                {
                    options.DefaultUser = defaultUser;
                    options.DefaultRoles = defaultRoles;
                });
            });
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return new KbTestHost(factory, dataDirectory);
    }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"kb-editor-{Guid.NewGuid():N}");

    /// <summary>A client signed in as <paramref name="user"/> with <paramref name="roles"/> (comma-separated); no user = anonymous.</summary>
    public HttpClient Client(string? user = null, string roles = "editor")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Requested-With", "kb-editor");
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignInHandler.UserHeader, user);
            client.DefaultRequestHeaders.Add(TestSignInHandler.RolesHeader, roles);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
    }

    /// <summary>Removes a data directory once no host uses it (SQLite connections are pooled: clear them first).</summary>
    public static void DeleteDataDirectory(string dataDirectory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Bodies for the editor API.</summary>
public static class KbBodies
{
    public static object Entry(string id, string zhQuestion, string enQuestion, string[] zhAlternates, string[] enAlternates,
        string answerZh = "答案。", string answerEn = "The answer.", string[]? followUps = null, string category = "value_added") => new
    {
        id,
        category,
        owner = "kb-team",
        tags = new[] { "test" },
        followUps = followUps ?? [],
        content = new Dictionary<string, object>
        {
            ["zh-Hans"] = new { question = zhQuestion, alternates = zhAlternates, answer = answerZh },
            ["en"] = new { question = enQuestion, alternates = enAlternates, answer = answerEn },
        },
    };

    /// <summary>A new entry about pet boarding, a topic the seeded content does not cover.</summary>
    public static object PetBoarding(string id = "value-pet-boarding", string[]? followUps = null) => Entry(id,
        "宠物寄养服务怎么预约？", "How do I book pet boarding?",
        ["预约宠物寄养", "宠物寄养怎么订", "猫狗寄养服务", "出差时宠物寄养", "宠物寄养预约方式"],
        ["book pet boarding", "pet boarding service", "where can my dog stay while I travel", "cat boarding booking", "reserve pet boarding"],
        "会员可在 App 预约宠物寄养。", "Members can book pet boarding in the app.", followUps);

    /// <summary>An entry about a made-up service for <paramref name="topicEn"/>, so tests do not compete for the same questions.</summary>
    public static object Topic(string id, string topicZh, string topicEn, string[]? followUps = null) => Entry(id,
        $"{topicZh}服务怎么申请？", $"How do I apply for {topicEn} service?",
        [$"申请{topicZh}服务", $"{topicZh}服务", $"{topicZh}怎么办理", $"我要{topicZh}", $"{topicZh}服务预约"],
        [$"{topicEn} service", $"apply for {topicEn}", $"{topicEn} booking", $"I need {topicEn}", $"how does {topicEn} work"],
        $"可在 App 申请{topicZh}服务。", $"Apply for {topicEn} in the app.", followUps);

    public static async Task<string> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/kb/entries", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, string id, string step) =>
        await client.PostAsync($"/api/kb/entries/{id}/{step}", null);
}
