using System.Net;

namespace ChatService.Tests.Channels.DirectLine;

[Collection(DirectLineCollection.Name)]
public sealed class ConversationStartTests(DirectLineServer server)
{
    private readonly DirectLineClient _client = server.Client();

    [Fact]
    public async Task StartConversation_WithSecret_Returns201WithTokenStreamUrlAndTheBotGreets()
    {
        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/conversations", DirectLineServer.Secret, """{"locale":"zh-CN"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var conversationId = (string)body!["conversationId"]!;
        var token = (string)body["token"]!;
        Assert.Equal(1800, (int)body["expires_in"]!);
        Assert.StartsWith($"ws://{server.BaseUrl.Authority}/v3/directline/conversations/{conversationId}/stream?watermark=", (string)body["streamUrl"]!);
        var (activities, watermark) = await _client.GetActivitiesAsync(conversationId, token);
        var greeting = Assert.Single(activities)!;
        Assert.Equal("bot", DirectLineClient.Role(greeting));
        Assert.Equal("zh-CN", (string?)greeting["locale"]);
        Assert.Contains("您好", DirectLineClient.Text(greeting));
        Assert.Equal($"{conversationId}|0000000", (string?)greeting["id"]);
        Assert.Equal("0", watermark);
    }

    [Fact]
    public async Task GenerateToken_ThenStartTwice_StartsOnceWithTheTokenUserAndLocale()
    {
        var (status, generated) = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", DirectLineServer.Secret,
            """{"user":{"id":"dl_customer42","name":"Ada"},"locale":"en-US"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(generated!["streamUrl"]);
        var conversationId = (string)generated["conversationId"]!;
        var token = (string)generated["token"]!;
        Assert.Equal("dl_customer42", TestTokens.UserOf(token)); // Web Chat and DirectLineJS read the user id from the token

        var first = await _client.SendAsync(HttpMethod.Post, "/conversations", token, """{"user":{"id":"dl_customer42"}}""");
        var second = await _client.SendAsync(HttpMethod.Post, "/conversations", token, "{}");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(conversationId, (string)second.Body!["conversationId"]!);
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token);
        var greeting = Assert.Single(activities)!; // one conversationUpdate, one greeting
        Assert.StartsWith("Hello", DirectLineClient.Text(greeting));
        Assert.Equal("dl_customer42", (string?)greeting["recipient"]?["id"]);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_IsForbidden()
    {
        var (_, token, _) = await _client.StartAsync();

        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", token);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Unauthorized", (string?)body!["error"]!["code"]);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_ReturnsANewTokenForTheSameConversation()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(conversationId, (string)body!["conversationId"]!);
        var refreshed = (string)body["token"]!;
        Assert.Equal(TestTokens.UserOf(token), TestTokens.UserOf(refreshed));
        await _client.PostMessageAsync(conversationId, refreshed, "hello again");
    }

    [Fact]
    public async Task RefreshToken_ExpiredToken_Is403TokenExpired()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", TestTokens.Expired(conversationId, TestTokens.UserOf(token)));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("TokenExpired", (string?)body!["error"]!["code"]);
    }

    [Fact]
    public async Task Reconnect_GivesAFreshStreamUrlCarryingTheWatermark()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var (status, body) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=0", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/conversations/{conversationId}/stream?watermark=0&t=", (string)body!["streamUrl"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"user":{"id":"bad id with spaces"}}""")]
    [InlineData("""{"locale":"<script>"}""")]
    public async Task StartConversation_BadBody_Is400BadArgument(string body)
    {
        var (status, error) = await _client.SendAsync(HttpMethod.Post, "/conversations", DirectLineServer.Secret, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", (string?)error!["error"]!["code"]);
    }

    [Fact]
    public async Task SessionId_IsEmpty()
    {
        var (status, body) = await _client.SendAsync(HttpMethod.Get, "/session/getsessionid", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", (string?)body!["sessionId"]);
    }
}
