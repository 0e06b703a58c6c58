using ChatService.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatService.Transcripts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Transcripts;

/// <summary>The review API over real HTTP (Kestrel on a free loopback port) against the real SQLite store.</summary>
public sealed class TranscriptsApiTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // ChatServiceHost defaults to port 5080 when no urls are configured; a free port instead (shared machine).
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Storage:DataDirectory", _directory.Path);
            builder.UseSetting("Transcripts:EncryptionKey", _key);
            builder.ConfigureServices(services => services.AddTestStaffSignIn());
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _http = new HttpClient { BaseAddress = new Uri(_factory.ClientOptions.BaseAddress.ToString()) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Get_Anonymous_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/api/transcripts/conversations")).StatusCode);

    [Theory]
    [InlineData("agent")]
    [InlineData("editor")]
    public async Task Get_WrongRole_Returns403(string role) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/api/transcripts/conversations", role)).StatusCode);

    [Fact]
    public async Task GetConversation_Reviewer_SeesMaskedActivitiesInOrderWithDiagnostics()
    {
        var inbound = TranscriptActivities.UserMessage("api-conv", "身份证11010519491231002X");
        await AppendAsync(inbound, TranscriptActivities.BotReply(inbound, "收到", "flow:policy_lookup", "policy_lookup"));

        var response = await Send(HttpMethod.Get, "/api/transcripts/conversations/api-conv", "reviewer");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("11010519491231002X", body);
        var activities = JsonNode.Parse(body)!["activities"]!.AsArray();
        Assert.Equal(["inbound", "outbound"], activities.Select(a => (string?)a!["direction"]));
        Assert.Equal("身份证110***********002X", (string?)activities[0]!["text"]);
        Assert.Equal("policy_lookup", (string?)activities[1]!["diagnostics"]!["intent"]);
        Assert.Equal("flow:policy_lookup", (string?)activities[1]!["route"]);
    }

    [Fact]
    public async Task ListConversations_Admin_PassesAndPagesWithCursor()
    {
        for (var i = 0; i < 3; i++) await AppendAsync(TranscriptActivities.UserMessage($"list-{i}", "hi"));

        var first = JsonNode.Parse(await (await Send(HttpMethod.Get, "/api/transcripts/conversations?limit=2", "admin")).Content.ReadAsStringAsync())!;
        var cursor = (string?)first["nextCursor"];
        var second = JsonNode.Parse(await (await Send(HttpMethod.Get, $"/api/transcripts/conversations?limit=2&cursor={cursor}", "admin")).Content.ReadAsStringAsync())!;

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.NotNull(cursor);
        Assert.Single(second["items"]!.AsArray());
        Assert.Null((string?)second["nextCursor"]);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1000")]
    [InlineData("?limit=abc")]
    [InlineData("?from=yesterday")]
    [InlineData("?cursor=%%%")]
    public async Task ListConversations_BadQuery_Returns400Problem(string query)
    {
        var response = await Send(HttpMethod.Get, "/api/transcripts/conversations" + query, "reviewer");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetConversation_Unknown_Returns404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/api/transcripts/conversations/nope", "reviewer")).StatusCode);

    [Fact]
    public async Task GetOriginals_ReviewerIsForbidden_AdminReadsUnmaskedText()
    {
        await AppendAsync(TranscriptActivities.UserMessage("orig-conv", "手机13812345678"));

        var reviewer = await Send(HttpMethod.Get, "/api/transcripts/conversations/orig-conv/originals", "reviewer");
        var admin = await Send(HttpMethod.Get, "/api/transcripts/conversations/orig-conv/originals", "admin");

        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var activity = JsonNode.Parse(await admin.Content.ReadAsStringAsync())!["activities"]![0]!["activity"]!;
        Assert.Equal("手机13812345678", (string?)activity["text"]);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheTranscriptEndpoints()
    {
        var document = await _http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/transcripts/conversations/{conversationId}", document);
        Assert.Contains("ListTranscriptConversations", document);
    }

    [Fact]
    public async Task HealthCheck_Transcripts_IsHealthy()
    {
        var health = _factory.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        var report = await health.CheckHealthAsync(r => r.Name == TranscriptsHealthCheck.Name);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, report.Entries[TranscriptsHealthCheck.Name].Status);
    }

    private async Task AppendAsync(params ChatService.Channels.Protocol.Activity[] activities)
    {
        var store = _factory.Services.GetRequiredService<ITranscriptStore>();
        foreach (var activity in activities)
            await store.AppendAsync(activity, activity.From?.Role == "bot" ? TranscriptDirection.Outbound : TranscriptDirection.Inbound);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string role)
    {
        var request = new HttpRequestMessage(method, path);
        request.SignInAs($"test-{role}", role);
        return _http.SendAsync(request);
    }
}
