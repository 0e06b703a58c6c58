using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatService.Tests.Support;
using ChatService.Tests.Transcripts;

namespace ChatService.Tests.State;

/// <summary>
/// Two real service instances (each its own Kestrel and data folder) on one redis-server, driven over HTTP through
/// <c>POST /api/messages</c> with expectReplies, as Azure Bot Service would reach two instances behind a load balancer.
/// The real bot runs: its conversation memory ("two misses in a row → offer a person") must cross instances.
/// </summary>
public sealed class TwoInstanceMessagesTests
{
    [Fact]
    public async Task ApiMessages_AlternatingInstances_ShareTheBotsConversationMemory()
    {
        await using var redis = await RedisServer.StartAsync();
        using var firstData = new TempDataDirectory();
        using var secondData = new TempDataDirectory();
        await using var first = Instance(redis, firstData.Path);
        await using var second = Instance(redis, secondData.Path);
        using var firstClient = first.StartAndCreateClient();
        using var secondClient = second.StartAndCreateClient();
        var conversationId = "two-instances-" + Guid.NewGuid().ToString("N");

        var firstMiss = await TurnAsync(firstClient, conversationId, "今天北京天气怎么样");
        var secondMiss = await TurnAsync(secondClient, conversationId, "推荐几只股票给我");

        Assert.Equal("fallback", Route(firstMiss));
        Assert.NotEqual("转人工", Buttons(firstMiss).First()); // one miss: the help menu, a person only at its end
        Assert.Equal("fallback", Route(secondMiss));
        Assert.Equal("转人工", Buttons(secondMiss).First()); // two in a row: a person first; the count came through Redis
    }

    [Fact]
    public async Task ApiMessages_ManyTurnsSpreadOverTwoInstances_EveryTurnIsAnswered()
    {
        await using var redis = await RedisServer.StartAsync();
        using var firstData = new TempDataDirectory();
        using var secondData = new TempDataDirectory();
        await using var first = Instance(redis, firstData.Path);
        await using var second = Instance(redis, secondData.Path);
        HttpClient[] clients = [first.StartAndCreateClient(), second.StartAndCreateClient()];
        var conversationId = "two-instances-" + Guid.NewGuid().ToString("N");

        // At once, so both instances contend for the conversation's lock: each turn still gets exactly its answer.
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(turn =>
            TurnAsync(clients[turn % 2], conversationId, turn % 3 == 0 ? "你好" : turn % 3 == 1 ? "理赔要多久" : "thanks")));

        Assert.All(replies, reply => Assert.NotNull(Route(reply)));
        Assert.DoesNotContain(replies, reply => reply.Any(a => ((string?)a?["text"] ?? "").Contains("抱歉，系统", StringComparison.Ordinal)));
        foreach (var client in clients) client.Dispose();
    }

    private static StateHostFactory Instance(RedisServer redis, string dataDirectory) => new(redis.PatientConnectionString)
    {
        Settings = { ["Storage:DataDirectory"] = dataDirectory, ["Pipeline:TypingDelay"] = "00:01:00" },
    };

    private static async Task<JsonArray> TurnAsync(HttpClient client, string conversationId, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "test",
            ["serviceUrl"] = "http://localhost/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "zh-CN",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "customer-" + conversationId },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var messages = (body?["activities"] as JsonArray ?? []).Where(a => (string?)a?["type"] == "message");
        return new JsonArray(messages.Select(a => a!.DeepClone()).ToArray());
    }

    private static string? Route(JsonArray replies) =>
        replies.Select(a => (string?)a?["channelData"]?["chatservice"]?["route"]).LastOrDefault(r => r is not null);

    private static IEnumerable<string> Buttons(JsonArray replies) =>
        replies.SelectMany(a => a?["suggestedActions"]?["actions"] as JsonArray ?? []).Select(b => (string?)b?["title"] ?? "");
}
