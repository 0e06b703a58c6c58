namespace ChatService.Pipeline;

/// <summary>Continues the turn with the next middleware (or the bot).</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>One step of the turn pipeline, doing its work around <c>await next(cancellationToken)</c>.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}

/// <summary>The bot's behaviour: runs last in the pipeline.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
