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
