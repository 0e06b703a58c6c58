using System.Net;
using System.Text;
using ChatService.Operations;
using ChatService.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatService.Tests.Operations;

/// <summary>
/// The Direct Line routes belong to the Channels room, so these tests serve stand-in routes (same template; failing
/// endpoints) from a small real Kestrel app that uses the Operations middleware exactly as the service does.
/// </summary>
public sealed class OperationsMiddlewareTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Operations:RateLimits:PerConversation:Kind"] = "Fixed",
            ["Operations:RateLimits:PerConversation:PermitLimit"] = "2",
            ["Operations:RateLimits:PerConversation:Window"] = "01:00:00",
        });
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.AddOperations(builder.Configuration);
        _app = builder.Build();
        _app.UseOperations();
        _app.MapMethods("/v3/directline/conversations/{conversationId}/activities", ["GET", "POST"], (string conversationId, ILoggerFactory loggers) =>
        {
            loggers.CreateLogger("StandIn").LogInformation("Handled a request");
            return Results.Ok();
        });
        _app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        _app.MapGet("/store-down", string () => throw new StoreUnavailableException("redis gone"));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Request_RouteWithConversationId_LogScopeCarriesIt()
    {
        using var response = await _client.GetAsync("/v3/directline/conversations/conv-scope-1/activities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(_logs.Entries, e => e.Category == "StandIn");
        Assert.Contains(entry.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>(),
            scope => scope.Any(kv => kv.Key == "conversationId" && Equals(kv.Value, "conv-scope-1")));
    }

    [Fact]
    public async Task PostActivities_OverConversationLimit_429ForThatConversationOnly()
    {
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await PostAsync("conv-busy");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var rejected = await PostAsync("conv-busy");
        using var other = await PostAsync("conv-quiet");
        using var polling = await _client.GetAsync("/v3/directline/conversations/conv-busy/activities");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, polling.StatusCode); // reading is not a posted activity
    }

    private Task<HttpResponseMessage> PostAsync(string conversationId) =>
        _client.PostAsync($"/v3/directline/conversations/{conversationId}/activities",
            new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Endpoint_Throws_500JsonWithoutDetailsAndLogged()
    {
        using var response = await _client.GetAsync("/boom");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("\"code\":\"ServiceError\"", text);
        Assert.DoesNotContain("secret internals", text);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("/boom"));
    }

    [Fact]
    public async Task Endpoint_StoreUnavailable_503WithRetryAfter()
    {
        using var response = await _client.GetAsync("/store-down");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
        Assert.Contains("\"code\":\"ServiceUnavailable\"", await response.Content.ReadAsStringAsync());
    }
}
