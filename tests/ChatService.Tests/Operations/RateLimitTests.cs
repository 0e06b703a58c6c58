using System.Net;
using System.Text;
using ChatService.Tests.Staff;

namespace ChatService.Tests.Operations;

public sealed class RateLimitTests
{
    [Fact]
    public async Task PerIp_OverLimit_429WithRetryAfterAndJsonError()
    {
        using var host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Operations:RateLimits:PerIp:Kind"] = "Fixed",
            ["Operations:RateLimits:PerIp:PermitLimit"] = "3",
            ["Operations:RateLimits:PerIp:Window"] = "01:00:00",
        });
        var client = host.Client();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/staff/me");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var rejected = await client.GetAsync("/api/staff/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.InRange(int.Parse(rejected.Headers.GetValues("Retry-After").Single()), 1, 3600);
        Assert.Equal("TooManyRequests", await StaffClient.ErrorCodeAsync(rejected));
        using var health = await client.GetAsync("/healthz"); // probes are never limited
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task PerIp_BehindTrustedProxy_LimitsEachForwardedClientSeparately()
    {
        using var host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Operations:TrustedProxies:0"] = "127.0.0.1",
            ["Operations:RateLimits:PerIp:Kind"] = "Fixed",
            ["Operations:RateLimits:PerIp:PermitLimit"] = "2",
            ["Operations:RateLimits:PerIp:Window"] = "01:00:00",
        });
        var client = host.Client();
        Task<HttpResponseMessage> From(string clientIp)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
            request.Headers.Add("X-Forwarded-For", clientIp);
            return client.SendAsync(request);
        }
        (await From("203.0.113.1")).Dispose();
        (await From("203.0.113.1")).Dispose();

        using var rejected = await From("203.0.113.1");
        using var otherClient = await From("203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherClient.StatusCode);
    }

    [Fact]
    public async Task SignIn_OverPerIpLimit_429EvenWithRightPassword()
    {
        using var host = new KestrelHost(new Dictionary<string, string?> { ["Operations:RateLimits:SignIn:PermitLimit"] = "2" });
        var client = host.Client();
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await StaffClient.RequestTokenAsync(client, "admin", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var rejected = await StaffClient.RequestTokenAsync(client, "admin", KestrelHost.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task PerConversation_ApiMessagesOverLimit_429ForThatConversationOnly()
    {
        using var host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Operations:RateLimits:PerIpExcludedPaths:0"] = "/api/messages",
            ["Operations:RateLimits:PerConversation:Kind"] = "Fixed",
            ["Operations:RateLimits:PerConversation:PermitLimit"] = "2",
            ["Operations:RateLimits:PerConversation:Window"] = "01:00:00",
        });
        var client = host.Client();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await PostActivityAsync(client, "busy-conversation");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var rejected = await PostActivityAsync(client, "busy-conversation");
        using var other = await PostActivityAsync(client, "quiet-conversation");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.Contains("Retry-After"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private static Task<HttpResponseMessage> PostActivityAsync(HttpClient client, string conversationId) =>
        client.PostAsync("/api/messages", new StringContent(
            $$"""{"type":"message","text":"hi","channelId":"msteams","conversation":{"id":"{{conversationId}}"},"serviceUrl":"https://smba.example/"}""",
            Encoding.UTF8, "application/json"));
}
