using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Nlu;

/// <summary>
/// Classifies each incoming message once and leaves the <see cref="IntentResult"/> in the turn state for the bot's
/// routing (read it with <see cref="GetIntentResult"/>). Not wired by default: add it to the middleware list.
/// </summary>
public sealed class NluMiddleware(IIntentClassifier classifier) : ITurnMiddleware
{
    public const string TurnStateKey = "chatservice.nlu";

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
            turnContext.TurnState[TurnStateKey] = classifier.Classify(turnContext.Activity.Text, turnContext.Activity.Locale);
        return next(cancellationToken);
    }

    /// <summary>The turn's result, classifying now if the middleware did not run.</summary>
    public static IntentResult GetIntentResult(ITurnContext turnContext, IIntentClassifier classifier)
    {
        if (turnContext.TurnState.TryGetValue(TurnStateKey, out var value) && value is IntentResult result) return result;
        var classified = classifier.Classify(turnContext.Activity.Text, turnContext.Activity.Locale);
        turnContext.TurnState[TurnStateKey] = classified;
        return classified;
    }
}
