using System.Net;
using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>Replies travel to the (stand-in) Bot Connector at the activity's serviceUrl with the bot's token.</summary>
public sealed class ConnectorReplyTests(AuthenticatedBotHost host) : IClassFixture<AuthenticatedBotHost>
{
    private async Task<string> SendAsync(string text)
    {
        var activity = host.Message(text);
        var response = await host.PostAsync(activity, host.Azure.Keys.ChannelToken(host.Azure.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        return activity["conversation"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Post_Message_ReplyIsPostedToTheActivityWithABearerToken()
    {
        var conversationId = await SendAsync("hello");

        var call = Assert.Single(host.Azure.CallsFor(conversationId));
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/act%7C0000001", call.Path);
        Assert.StartsWith("Bearer connector-token-", call.Authorization);
        var reply = JsonNode.Parse(call.Body)!;
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Equal("act|0000001", reply["replyToId"]!.GetValue<string>());
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.Null(reply["id"]);
    }

    [Fact]
    public async Task Post_ManyTurns_OneTokenRequestServesAllReplies()
    {
        var conversations = new List<string>();
        for (var i = 0; i < 6; i++) conversations.Add(await SendAsync($"question {i}"));

        Assert.All(conversations, c => Assert.Single(host.Azure.CallsFor(c)));
        Assert.Equal(1, host.Azure.TokenRequests);
    }

    [Fact]
    public async Task Post_ConnectorAnswers503Once_ReplyIsRetried()
    {
        host.Azure.FailNextConnectorCalls(1);
        var conversationId = await SendAsync("hello");

        Assert.Equal(2, host.Azure.CallsFor(conversationId).Count());
        var logged = host.Transcripts.Entries.Where(e => e.Activity.Conversation?.Id == conversationId).ToList();
        Assert.Equal(2, logged.Count); // the inbound message and the reply that finally got through
    }

    [Fact]
    public async Task Post_ConnectorKeepsFailing_TurnStillAcknowledgedAndInboundLogged()
    {
        host.Azure.FailNextConnectorCalls(100);
        try
        {
            var conversationId = await SendAsync("hello");
            Assert.Contains(host.Transcripts.Entries, e => e.Activity.Conversation?.Id == conversationId && e.Activity.Text == "hello");
        }
        finally
        {
            host.Azure.FailNextConnectorCalls(0);
        }
    }

    [Fact]
    public async Task ContinueConversation_TrustedServiceUrl_SendsProactively()
    {
        var conversationId = await SendAsync("hello");
        var reference = new ConversationReference
        {
            ChannelId = "webchat", ServiceUrl = host.Azure.ServiceUrl,
            Conversation = new ConversationAccount { Id = conversationId },
            User = new ChannelAccount { Id = "user-1" }, Bot = new ChannelAccount { Id = "bot-1" },
        };
        var runner = host.Services.GetRequiredService<TurnRunner>();

        await runner.ContinueConversationAsync(reference, (turnContext, ct) => turnContext.SendActivityAsync("An agent has joined.", ct), CancellationToken.None);

        var calls = host.Azure.CallsFor(conversationId).ToList();
        Assert.Equal(2, calls.Count);
        Assert.EndsWith($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", calls[1].Path);
        Assert.StartsWith("Bearer ", calls[1].Authorization);
    }

    [Fact]
    public async Task ContinueConversation_UpdateAndDelete_UsePutAndDeleteOnTheActivity()
    {
        var conversationId = await SendAsync("hello");
        var reference = new ConversationReference
        {
            ChannelId = "msteams", ServiceUrl = host.Azure.ServiceUrl, Conversation = new ConversationAccount { Id = conversationId },
        };
        var runner = host.Services.GetRequiredService<TurnRunner>();

        await runner.ContinueConversationAsync(reference, async (turnContext, ct) =>
        {
            await turnContext.UpdateActivityAsync(new Activity { Id = "srv|7", Text = "edited" }, ct);
            await turnContext.DeleteActivityAsync("srv|7", ct);
        }, CancellationToken.None);

        var calls = host.Azure.CallsFor(conversationId).Skip(1).ToList();
        var activityPath = $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/srv%7C7";
        Assert.Equal([("PUT", activityPath), ("DELETE", activityPath)], calls.Select(c => (c.Method, c.Path)));
        Assert.Equal("edited", JsonNode.Parse(calls[0].Body)!["text"]!.GetValue<string>());
        Assert.All(calls, c => Assert.StartsWith("Bearer ", c.Authorization));
    }

    [Fact]
    public async Task ContinueConversation_UntrustedServiceUrl_SendsNothing()
    {
        var reference = new ConversationReference
        {
            ChannelId = "webchat", ServiceUrl = host.Azure.BaseUrl + "/never-validated/",
            Conversation = new ConversationAccount { Id = "conv-untrusted" },
        };
        var runner = host.Services.GetRequiredService<TurnRunner>();

        await runner.ContinueConversationAsync(reference, (turnContext, ct) => turnContext.SendActivityAsync("hi", ct), CancellationToken.None);

        Assert.DoesNotContain(host.Azure.ConnectorCalls, c => c.Path.Contains("conv-untrusted", StringComparison.Ordinal));
    }
}

/// <summary>Emulator local mode: replies go to the Connector without a token.</summary>
public sealed class AnonymousConnectorReplyTests(AnonymousBotHost host) : IClassFixture<AnonymousBotHost>
{
    [Fact]
    public async Task Post_WithoutAppId_ReplyIsPostedWithoutAuthorization()
    {
        var activity = host.Message("hello", channelId: "emulator");
        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Azure.CallsFor(activity["conversation"]!["id"]!.GetValue<string>()));
        Assert.Null(call.Authorization);
        Assert.Equal(0, host.Azure.TokenRequests);
    }
}
