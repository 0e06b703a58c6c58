using System.Net;
using System.Text.Json.Nodes;
using ChatService.Channels.WebChat;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Channels.DirectLine;

[Collection(DirectLineCollection.Name)]
public sealed class WebChatPageTests(DirectLineServer server)
{
    [Fact]
    public async Task Page_IsServedWithCompanyNameAndSecurityHeadersAndNoCdn()
    {
        using var response = await server.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("安心保险（演示）", html);
        Assert.Contains("data-name-hant=\"安心保險（演示）\"", html); // the Traditional page's names, converted
        Assert.Contains("data-locale=\"zh-TW\"", html);
        Assert.DoesNotContain("{{", html);
        Assert.Contains("src=\"/lib/webchat.js\"", html);
        Assert.DoesNotContain("cdn.botframework.com", html);
        Assert.DoesNotContain(DirectLineServer.Secret, html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task PageScripts_AreServedFromOurHost()
    {
        using var bundle = await server.Http.GetAsync("/lib/webchat.js", HttpCompletionOption.ResponseHeadersRead);
        using var script = await server.Http.GetAsync("/webchat/chat.js");

        Assert.True(bundle.StatusCode == HttpStatusCode.OK, "bot/wwwroot/lib/webchat.js is missing: build bot/ChatService.csproj with npm available.");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_ReturnsATokenForANewConversationWithTheLocale()
    {
        using var response = await server.Http.PostAsync("/api/webchat/token", new StringContent("""{"locale":"en-US"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var token = (string)body["token"]!;

        var (status, started) = await server.Client().SendAsync(HttpMethod.Post, "/conversations", token, "{}");
        var (activities, _) = await server.Client().GetActivitiesAsync((string)started!["conversationId"]!, token);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("Hello", DirectLineClient.Text(activities[0]!));
        Assert.StartsWith("dl_", TestTokens.UserOf(token));
    }

    [Fact]
    public void TokenRequestLimiter_OverTheLimit_RefusesWithRetryAfter()
    {
        var limiter = new TokenRequestLimiter(Options.Create(new WebChatOptions { TokenRequestsPerMinute = 2 }), TimeProvider.System);

        Assert.True(limiter.TryAcquire("1.2.3.4", out _));
        Assert.True(limiter.TryAcquire("1.2.3.4", out _));
        Assert.False(limiter.TryAcquire("1.2.3.4", out var retryAfter));
        Assert.True(limiter.TryAcquire("5.6.7.8", out _));
        Assert.InRange(retryAfter, 1, 60);
    }
}
