using System.Text.Json.Nodes;
using ChatService.Channels.BotFramework;
using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using Microsoft.AspNetCore.Http;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>How a finished turn becomes the HTTP answer (invoke responses need a bot that answers invokes, so this is a unit test).</summary>
public sealed class TurnResponsesTests
{
    private static async Task<(int Status, string Body)> WriteAsync(TurnContext turnContext, ExpectRepliesSender? buffer = null)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        await TurnResponses.WriteAsync(http.Response, turnContext, buffer);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    private static Activity Invoke() => new() { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Conversation = new() { Id = "c" } };

    [Fact]
    public async Task WriteAsync_InvokeAnswered_WritesTheBotsStatusAndBody()
    {
        var turnContext = new TurnContext(Invoke(), new ExpectRepliesSender())
        {
            InvokeResponse = new InvokeResponse(200, new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "done" }),
        };

        var (status, body) = await WriteAsync(turnContext);

        Assert.Equal(200, status);
        Assert.Equal("done", JsonNode.Parse(body)!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteAsync_InvokeUnanswered_Writes501()
    {
        var (status, _) = await WriteAsync(new TurnContext(Invoke(), new ExpectRepliesSender()));
        Assert.Equal(501, status);
    }

    [Fact]
    public async Task WriteAsync_ExpectReplies_ListsEverythingSentIncludingTyping()
    {
        var buffer = new ExpectRepliesSender();
        var turnContext = new TurnContext(new Activity { Type = ActivityTypes.Message, Id = "in-1", Conversation = new() { Id = "c" } }, buffer);
        await turnContext.SendActivitiesAsync([new Activity { Type = ActivityTypes.Typing }, new Activity { Text = "Your claim is open.", InputHint = InputHints.AcceptingInput }]);

        var (status, body) = await WriteAsync(turnContext, buffer);

        Assert.Equal(200, status);
        var activities = JsonNode.Parse(body)!["activities"]!.AsArray();
        Assert.Equal(["typing", "message"], activities.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("in-1", activities[1]!["replyToId"]!.GetValue<string>());
        Assert.Equal("acceptingInput", activities[1]!["inputHint"]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteAsync_NormalMessage_Writes200WithNoBody()
    {
        var (status, body) = await WriteAsync(new TurnContext(new Activity { Type = ActivityTypes.Message, Conversation = new() { Id = "c" } }, new ExpectRepliesSender()));
        Assert.Equal(200, status);
        Assert.Equal("", body);
    }
}
