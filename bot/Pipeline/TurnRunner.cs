using ChatService.Channels.Protocol;
using ChatService.Nlu;
using ChatService.State;

namespace ChatService.Pipeline;

/// <summary>
/// Runs turns: one at a time per conversation (the conversation lock), through the ordered middleware
/// and the bot, inside the one turn-level error boundary. Channels call <see cref="ProcessAsync"/>;
/// hand-off and other proactive senders call <see cref="ContinueConversationAsync"/>.
/// </summary>
public sealed partial class TurnRunner(
    MiddlewareSet middleware,
    IBot bot,
    IConversationLock conversationLock,
    TurnDrain drain,
    IChannelSenderResolver senderResolver,
    ILogger<TurnRunner> logger)
{
    public async Task<ITurnContext> ProcessAsync(Activity activity, IChannelSender sender, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        using var inFlight = drain.Enter();
        await using var turnLock = await conversationLock.AcquireAsync(conversationId, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["conversationId"] = conversationId });
        var turnContext = new TurnContext(activity, sender);
        await RunGuardedAsync(turnContext, bot.OnTurnAsync, cancellationToken);
        return turnContext;
    }

    /// <summary>Sends from outside a customer's turn (an agent's message, a reminder) to a stored conversation.</summary>
    public async Task ContinueConversationAsync(
        ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        var sender = senderResolver.Resolve(reference)
            ?? throw new InvalidOperationException($"No trusted channel for conversation '{reference.Conversation?.Id}' on '{reference.ChannelId}'.");
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        using var inFlight = drain.Enter();
        await using var turnLock = await conversationLock.AcquireAsync(conversationId, cancellationToken);
        var continuation = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
            Id = reference.ActivityId,
        };
        var turnContext = new TurnContext(continuation, sender);
        turnContext.TurnState[TurnStateKeys.Proactive] = true;
        await RunGuardedAsync(turnContext, callback, cancellationToken);
    }

    private async Task RunGuardedAsync(TurnContext turnContext, Func<ITurnContext, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        try
        {
            await middleware.RunAsync(turnContext, handler, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            throw; // the channel must not acknowledge what could not be stored: the endpoint answers 503
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(ex, turnContext.Activity.Conversation?.Id, turnContext.Activity.Type);
            await ApologiseAsync(turnContext, cancellationToken);
        }
    }

    private async Task ApologiseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message) return;
        try
        {
            // The same detection the bot answers with, so the apology comes in the customer's language and script.
            var language = LanguageDetector.Detect(turnContext.Activity.Text, turnContext.Activity.Locale).Reply;
            const string Chinese = "抱歉，系统刚才出了点问题，您的消息我们已收到。请稍后再试，或输入“人工”联系客服。";
            await turnContext.SendActivityAsync(language switch
            {
                NluLanguages.English => "Sorry, something went wrong on our side. We received your message; please try again in a moment, or type \"agent\" to reach a person.",
                NluLanguages.TraditionalChinese => ScriptConverter.ToTraditional(Chinese),
                _ => Chinese,
            }, cancellationToken);
        }
        catch (Exception ex)
        {
            LogApologyFailed(ex, turnContext.Activity.Conversation?.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed in conversation {ConversationId} (activity type {ActivityType})")]
    private partial void LogTurnFailed(Exception ex, string? conversationId, string? activityType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the apology in conversation {ConversationId}")]
    private partial void LogApologyFailed(Exception ex, string? conversationId);
}
