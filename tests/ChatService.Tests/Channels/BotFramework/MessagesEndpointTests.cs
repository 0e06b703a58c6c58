using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>Status codes and bad input on /api/messages (local-development mode, so no token is involved).</summary>
public sealed class MessagesEndpointTests(AnonymousBotHost host) : IClassFixture<AnonymousBotHost>
{
    private static async Task<JsonNode> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", text); // never a stack trace
        var error = JsonNode.Parse(text)!["error"]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        return error;
    }

    private static async Task<JsonArray> RepliesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
    }

    [Fact]
    public async Task Post_ExpectRepliesConversationUpdate_ReturnsTheGreeting()
    {
        var activity = host.Message("", deliveryMode: "expectReplies");
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1" });

        var reply = Assert.Single(await RepliesAsync(await host.PostAsync(activity)))!;

        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Contains("welcome", reply["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("expectingInput", reply["inputHint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ExpectRepliesChineseGreeting_AnswersInChinese()
    {
        var activity = host.Message("你好", deliveryMode: "expectReplies");
        var reply = Assert.Single(await RepliesAsync(await host.PostAsync(activity)))!;

        Assert.Contains("您好", reply["text"]!.GetValue<string>());
        Assert.Empty(host.Azure.CallsFor(activity["conversation"]!["id"]!.GetValue<string>())); // not also sent asynchronously
    }

    [Fact]
    public async Task Post_UnhandledInvoke_Returns501()
    {
        var activity = host.Message("");
        activity["type"] = "invoke";
        activity["name"] = "application/unknownThing";
        await ErrorAsync(await host.PostAsync(activity), HttpStatusCode.NotImplemented, "NotImplemented");
    }

    [Fact]
    public async Task Get_Returns405() =>
        await ErrorAsync(await host.Client.GetAsync("/api/messages"), HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("{\"type\":42,\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\",\"conversation\":{\"id\":\"c\"}}")]
    public async Task Post_MalformedJson_Returns400(string body) =>
        await ErrorAsync(await host.PostRawAsync(body), HttpStatusCode.BadRequest, "BadSyntax");

    [Fact]
    public async Task Post_MissingType_Returns400()
    {
        var activity = host.Message("hi");
        activity.Remove("type");
        await ErrorAsync(await host.PostAsync(activity), HttpStatusCode.BadRequest, "MissingProperty");
    }

    [Fact]
    public async Task Post_MissingConversationId_Returns400()
    {
        var activity = host.Message("hi");
        activity["conversation"] = new JsonObject();
        await ErrorAsync(await host.PostAsync(activity), HttpStatusCode.BadRequest, "MissingProperty");
    }

    [Fact]
    public async Task Post_NoServiceUrlInNormalMode_Returns400()
    {
        var activity = host.Message("hi");
        activity.Remove("serviceUrl");
        await ErrorAsync(await host.PostAsync(activity), HttpStatusCode.BadRequest, "MissingProperty");
    }

    [Fact]
    public async Task Post_OneMegabyteBody_Returns413()
    {
        var activity = host.Message(new string('x', 1024 * 1024));
        await ErrorAsync(await host.PostAsync(activity), HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
    }

    [Fact]
    public async Task Post_OneMegabyteChunkedBody_Returns413()
    {
        var bytes = Encoding.UTF8.GetBytes(host.Message(new string('x', 1024 * 1024)).ToJsonString());
        using var content = new StreamContent(new MemoryStream(bytes)); // no Content-Length: Kestrel's limit must catch it
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await ErrorAsync(await host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheChannelLimitButUnderTheServerLimit_Returns413()
    {
        // 600 KB: over BotFramework:MaxRequestBodyBytes (512 KB), under Kestrel's 1 MB; the rate limiter has already buffered it.
        var bytes = Encoding.UTF8.GetBytes(host.Message(new string('x', 600 * 1024)).ToJsonString());
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await ErrorAsync(await host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
    }

    [Fact]
    public async Task Post_HundredThousandCharacterText_IsAcceptedAndTranscriptKeepsItWhole()
    {
        var text = string.Concat(Enumerable.Repeat("保险理赔abc", 100_000 / 7 + 1))[..100_000];
        var activity = host.Message(text, deliveryMode: "expectReplies");

        var replies = await RepliesAsync(await host.PostAsync(activity));

        Assert.Single(replies);
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        var inbound = host.Transcripts.Entries.Single(e => e.Activity.Conversation?.Id == conversationId && e.Activity.From?.Role == "user");
        Assert.Equal(text, inbound.Activity.Text);
    }

    [Fact]
    public async Task Post_ControlCharactersAndScriptTags_AreAcceptedStoredIntactAndNeverReflected()
    {
        var text = "<script>alert('x')</script>\u0001\u0007\t\"quoted\"\\ \u2028 </activities>";
        var activity = host.Message(text, deliveryMode: "expectReplies");
        var replies = await RepliesAsync(await host.PostAsync(activity));

        var answer = Assert.Single(replies)!["text"]!.GetValue<string>();
        Assert.DoesNotContain("<script>", answer); // the bot never reflects markup back
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        var inbound = host.Transcripts.Entries.Single(e => e.Activity.Conversation?.Id == conversationId && e.Activity.From?.Role == "user");
        Assert.Equal(text, inbound.Activity.Text); // JSON escaping carried it through intact
    }

    [Theory]
    [InlineData("someFutureType")]
    [InlineData("Message")] // type comparison is ordinal: this is not a message
    public async Task Post_UnknownActivityType_IsAcceptedAndIgnored(string type)
    {
        var activity = host.Message("hello", deliveryMode: "expectReplies");
        activity["type"] = type;

        Assert.Empty(await RepliesAsync(await host.PostAsync(activity)));
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        Assert.Contains(host.Transcripts.Entries, e => e.Activity.Conversation?.Id == conversationId && e.Activity.Type == type);
    }

    [Fact]
    public async Task Post_NormalMode_Returns200AfterRepliesWereSent()
    {
        var activity = host.Message("hello");
        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Azure.CallsFor(activity["conversation"]!["id"]!.GetValue<string>()));
    }
}
