using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Transcripts;

/// <summary>
/// Logs the incoming activity before the turn runs, every activity the turn sends after the channel took it, and
/// updates and deletions of earlier activities (as <c>messageUpdate</c> and <c>messageDelete</c> entries, so a reviewer
/// sees what the customer saw and when it changed).
/// Unlike the Bot Framework logger, writes are awaited (not fire-and-forget) and failures are not swallowed:
/// a channel must not acknowledge a message that is not stored, so a store failure fails the turn (503).
/// </summary>
public sealed class TranscriptMiddleware(ITranscriptStore store) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        // A proactive turn's activity is the synthetic ContinueConversation event: nobody sent it.
        if (!turnContext.TurnState.ContainsKey(TurnStateKeys.Proactive))
            await store.AppendAsync(turnContext.Activity, TranscriptDirection.Inbound, cancellationToken);
        turnContext.OnSendActivities(async (_, activities, send) =>
        {
            var responses = await send();
            for (var i = 0; i < activities.Count; i++)
            {
                // Typing indicators are repeated every few seconds of a slow turn and carry nothing to review.
                if (activities[i].Type == ActivityTypes.Typing) continue;
                if (i < responses.Length && activities[i].Id is null && !string.IsNullOrEmpty(responses[i].Id)) activities[i].Id = responses[i].Id;
                // Already delivered: record it even if the turn is being cancelled, or the transcript would miss a sent reply.
                await store.AppendAsync(activities[i], TranscriptDirection.Outbound, CancellationToken.None);
            }
            return responses;
        });
        turnContext.OnUpdateActivity(async (_, activity, update) =>
        {
            await update();
            var entry = ProtocolJson.Clone(activity);
            entry.Type = ActivityTypes.MessageUpdate;
            await store.AppendAsync(entry, TranscriptDirection.Outbound, CancellationToken.None);
        });
        turnContext.OnDeleteActivity(async (context, activityId, delete) =>
        {
            await delete();
            var entry = context.Activity.CreateReply();
            entry.Type = ActivityTypes.MessageDelete;
            entry.Id = activityId;
            entry.ReplyToId = null;
            await store.AppendAsync(entry, TranscriptDirection.Outbound, CancellationToken.None);
        });
        await next(cancellationToken);
    }
}
