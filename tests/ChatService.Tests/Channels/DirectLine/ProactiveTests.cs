using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.DirectLine;

[Collection(DirectLineCollection.Name)]
public sealed class ProactiveTests(DirectLineServer server)
{
    private readonly DirectLineClient _client = server.Client();

    [Fact]
    public async Task ContinueConversation_DirectLineReference_AppendsTheMessageToTheStream()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var (activities, watermark) = await _client.GetActivitiesAsync(conversationId, token);
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            Conversation = new ConversationAccount { Id = conversationId },
            User = new ChannelAccount { Id = TestTokens.UserOf(token) },
            Bot = new ChannelAccount { Id = "chatservice-bot" },
        };

        await server.Services.GetRequiredService<TurnRunner>().ContinueConversationAsync(reference,
            (turnContext, ct) => turnContext.SendActivityAsync("An agent has joined.", ct), CancellationToken.None);

        var (later, _) = await _client.GetActivitiesAsync(conversationId, token, watermark);
        var message = Assert.Single(later)!;
        Assert.Equal("An agent has joined.", DirectLineClient.Text(message));
        Assert.Equal("bot", DirectLineClient.Role(message));
        Assert.Single(activities);
    }

    [Fact]
    public async Task ContinueConversation_UnknownDirectLineConversation_FailsWithoutCreatingIt()
    {
        var reference = new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "NeverStarted" } };

        await server.Services.GetRequiredService<TurnRunner>().ContinueConversationAsync(reference,
            (turnContext, ct) => turnContext.SendActivityAsync("hello?", ct), CancellationToken.None);

        var (status, _) = await _client.SendAsync(HttpMethod.Get, "/conversations/NeverStarted/activities?watermark=", DirectLineServer.Secret);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, status);
    }

    [Fact]
    public void SenderResolver_OtherChannels_AreNotDirectLines()
    {
        var resolver = server.Services.GetRequiredService<IChannelSenderResolver>();

        Assert.NotNull(resolver.Resolve(new ConversationReference { ChannelId = "directline", Conversation = new() { Id = "c" } }));
        Assert.Null(resolver.Resolve(new ConversationReference { ChannelId = "directline" }));
    }
}
