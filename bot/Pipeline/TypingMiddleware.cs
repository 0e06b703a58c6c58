using ChatService.Channels.Protocol;
using Microsoft.Extensions.Options;

namespace ChatService.Pipeline;

/// <summary>Shows a typing indicator when a message turn is slow, and keeps it alive until the bot answers.</summary>
public sealed class TypingMiddleware(IOptions<PipelineOptions> options) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(turnContext, options.Value, done.Token);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            await done.CancelAsync();
            await typing;
        }
    }

    private static async Task KeepTypingAsync(ITurnContext turnContext, PipelineOptions options, CancellationToken cancellationToken)
    {
        // Most turns end before the first delay: waking without an exception keeps that path cheap.
        await Task.Delay(options.TypingDelay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
                await Task.Delay(options.TypingInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException)
        {
            // the turn finished while a typing indicator was being sent
        }
    }
}
