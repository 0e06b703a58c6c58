using ChatService.Pipeline;

namespace ChatService.Operations;

/// <summary>Measures every turn (count, latency, errors, active conversations) into <see cref="TurnMetrics"/>.</summary>
public sealed class MetricsMiddleware(TurnMetrics metrics, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            await next(cancellationToken);
            failed = false;
        }
        finally
        {
            var activity = turnContext.Activity;
            metrics.TurnCompleted(activity.Conversation?.Id, activity.ChannelId, time.GetElapsedTime(started).TotalMilliseconds, failed);
        }
    }
}
