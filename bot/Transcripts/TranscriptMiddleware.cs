using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Transcripts;

/// <summary>Logs the incoming activity before the turn runs, and every activity the turn sends.</summary>
public sealed class TranscriptMiddleware(ITranscriptStore store) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (!turnContext.TurnState.ContainsKey(TurnStateKeys.Proactive))
            await store.AppendAsync(turnContext.Activity, TranscriptDirection.Inbound, cancellationToken);
        turnContext.OnSendActivities(async (_, activities, send) =>
        {
            var responses = await send();
            for (var i = 0; i < activities.Count; i++)
            {
                if (activities[i].Type == ActivityTypes.Typing) continue;
                if (i < responses.Length && activities[i].Id is null) activities[i].Id = responses[i].Id;
                await store.AppendAsync(activities[i], TranscriptDirection.Outbound, cancellationToken);
            }
            return responses;
        });
        await next(cancellationToken);
    }
}
