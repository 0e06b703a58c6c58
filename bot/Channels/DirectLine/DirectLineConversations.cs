using System.Security.Cryptography;
using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>Creates, starts and reconnects Direct Line conversations.</summary>
public sealed class DirectLineConversations(
    DirectLineConversationStore store,
    DirectLineTokenService tokens,
    DirectLineUrls urls,
    DirectLineChannel channel,
    TurnRunner turnRunner,
    IOptions<DirectLineOptions> options,
    TimeProvider clock)
{
    private int TokenSeconds => (int)tokens.ConversationLifetime.TotalSeconds;

    /// <summary>A new conversation record and its token; the bot is told when the client starts it.</summary>
    public async Task<ConversationResponse> GenerateAsync(StartParameters parameters, CancellationToken cancellationToken)
    {
        var conversation = await CreateAsync(parameters, cancellationToken);
        return new ConversationResponse(conversation.ConversationId, IssueToken(conversation), TokenSeconds);
    }

    /// <summary>Starts a conversation: a new one for the secret, the token's own one for a token. Created = it was not started before.</summary>
    public async Task<(ConversationResponse? Response, bool Created)> StartAsync(
        HttpRequest request, DirectLineCaller caller, StartParameters parameters, CancellationToken cancellationToken)
    {
        var conversation = caller.IsSecret
            ? await CreateAsync(parameters, cancellationToken)
            : await store.FindAsync(caller.Token!.ConversationId, cancellationToken);
        if (conversation is null) return (null, false);
        var created = await store.TryMarkStartedAsync(conversation.ConversationId, parameters.Locale, cancellationToken);
        if (created)
            await TellBotAsync(request, conversation with { Locale = parameters.Locale ?? conversation.Locale }, cancellationToken);
        return (Describe(request, conversation, watermark: null), created);
    }

    /// <summary>A new streamUrl (and token) for an existing conversation, replaying from <paramref name="watermark"/>.</summary>
    public async Task<ConversationResponse?> ReconnectAsync(HttpRequest request, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        return conversation is null ? null : Describe(request, conversation, watermark);
    }

    private ConversationResponse Describe(HttpRequest request, DirectLineConversation conversation, string? watermark) =>
        new(conversation.ConversationId, IssueToken(conversation), TokenSeconds,
            urls.StreamUrl(request, conversation.ConversationId, conversation.UserId, watermark));

    private string IssueToken(DirectLineConversation conversation) =>
        tokens.Issue(conversation.ConversationId, conversation.UserId, TokenScopes.Conversation, tokens.ConversationLifetime);

    private async Task<DirectLineConversation> CreateAsync(StartParameters parameters, CancellationToken cancellationToken)
    {
        var conversation = new DirectLineConversation
        {
            ConversationId = NewId(),
            UserId = parameters.UserId ?? "dl_" + NewId()[..16],
            UserName = parameters.UserName,
            Locale = parameters.Locale,
            CreatedAt = clock.GetUtcNow(),
        };
        await store.CreateAsync(conversation, cancellationToken);
        return conversation;
    }

    /// <summary>The conversationUpdate turn: bot and user joined, in the page's locale, so the bot greets first.</summary>
    private async Task TellBotAsync(HttpRequest request, DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var bot = new ChannelAccount { Id = options.Value.BotId, Role = RoleTypes.Bot };
        var user = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = RoleTypes.User };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = StartActivityId(conversation.ConversationId),
            Timestamp = clock.GetUtcNow(),
            ChannelId = DirectLineChannel.Id,
            ServiceUrl = urls.ServiceUrl(request),
            Conversation = new ConversationAccount { Id = conversation.ConversationId },
            From = user,
            Recipient = bot,
            MembersAdded = [new ChannelAccount { Id = bot.Id, Role = RoleTypes.Bot }, new ChannelAccount { Id = user.Id, Name = user.Name, Role = RoleTypes.User }],
            Locale = conversation.Locale,
        };
        await turnRunner.ProcessAsync(update, channel.SenderFor(conversation.ConversationId), cancellationToken);
    }

    /// <summary>The id of the conversationUpdate turn; it is never in the stream, so clients never see it.</summary>
    public static string StartActivityId(string conversationId) => $"{conversationId}|start";

    private static string NewId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
