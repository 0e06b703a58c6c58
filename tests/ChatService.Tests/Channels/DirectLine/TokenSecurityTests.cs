using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>A token opens its own conversation and nothing else: REST, stream and files.</summary>
[Collection(DirectLineCollection.Name)]
public sealed class TokenSecurityTests(DirectLineServer server)
{
    private readonly DirectLineClient _client = server.Client();

    public static TheoryData<string, string> Calls => new()
    {
        { "GET", "/conversations/{0}/activities?watermark=" },
        { "POST", "/conversations/{0}/activities" },
        { "GET", "/conversations/{0}?watermark=" },
        { "POST", "/conversations/{0}/upload?userId=x" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Request_WithAnotherConversationsToken_Is403AndLeavesThatConversationUntouched(string method, string path)
    {
        var victim = await _client.StartAsync();
        var attacker = await _client.StartAsync();

        var (status, error) = await _client.SendAsync(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, victim.ConversationId),
            attacker.Token, method == "POST" ? """{"type":"message","text":"injected"}""" : null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Unauthorized", (string?)error!["error"]!["code"]);
        Assert.Single((await _client.GetActivitiesAsync(victim.ConversationId, victim.Token)).Activities);
    }

    [Fact]
    public async Task Stream_WithAnotherConversationsStreamToken_Is403()
    {
        var victim = await _client.StartAsync();
        var attacker = await _client.StartAsync();
        var t = attacker.StreamUrl[(attacker.StreamUrl.IndexOf("&t=", StringComparison.Ordinal) + 3)..];
        var url = $"ws://{server.BaseUrl.Authority}/v3/directline/conversations/{victim.ConversationId}/stream?watermark=&t={t}";

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.OpenStreamAsync(url));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task Stream_WithAConversationTokenAsT_Is403()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var url = $"ws://{server.BaseUrl.Authority}/v3/directline/conversations/{conversationId}/stream?watermark=&t={token}";

        await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.OpenStreamAsync(url)); // only stream-scoped tokens open sockets
    }

    [Fact]
    public async Task Request_WithExpiredToken_Is403TokenExpired()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var expired = TestTokens.Expired(conversationId, TestTokens.UserOf(token));

        var (status, error) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=", expired);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("TokenExpired", (string?)error!["error"]!["code"]);
    }

    [Fact]
    public async Task Stream_WithExpiredStreamToken_IsRefused()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var expired = TestTokens.Expired(conversationId, TestTokens.UserOf(token), ChatService.Channels.DirectLine.TokenScopes.Stream);

        await Assert.ThrowsAsync<WebSocketException>(() =>
            DirectLineClient.OpenStreamAsync($"ws://{server.BaseUrl.Authority}/v3/directline/conversations/{conversationId}/stream?watermark=&t={expired}"));
    }

    [Fact]
    public async Task Request_WithForgedTokens_Is403()
    {
        var victim = await _client.StartAsync();
        var attacker = await _client.StartAsync();
        var forgedBySecret = TestTokens.SignedWithOtherSecret(victim.ConversationId, "dl_mallory");
        var tampered = TestTokens.Tampered(attacker.Token, victim.ConversationId);

        foreach (var forged in new[] { forgedBySecret, tampered, "not-a-token", "a.b.c", victim.Token + "x" })
        {
            var (status, _) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{victim.ConversationId}/activities?watermark=", forged);
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }
    }

    [Fact]
    public async Task Request_WithoutAuthorization_Is401()
    {
        var (conversationId, _, _) = await _client.StartAsync();

        using var response = await server.Http.GetAsync($"/v3/directline/conversations/{conversationId}/activities?watermark=");
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", "eDp5");
        using var basicResponse = await server.Http.SendAsync(basic);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basicResponse.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithWrongSecret_Is403()
    {
        var (status, _) = await _client.SendAsync(HttpMethod.Post, "/conversations", "wrong-secret");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}
