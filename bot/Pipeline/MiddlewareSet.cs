namespace ChatService.Pipeline;

/// <summary>The ordered middleware of a turn, ending in the bot. The order is declared once, in <see cref="PipelineRegistration"/>.</summary>
public sealed class MiddlewareSet(IEnumerable<ITurnMiddleware> middleware)
{
    private readonly ITurnMiddleware[] _middleware = middleware.ToArray();

    public IReadOnlyList<ITurnMiddleware> Items => _middleware;

    public Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> bot, CancellationToken cancellationToken) =>
        RunFrom(0, turnContext, bot, cancellationToken);

    private Task RunFrom(int index, ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> bot, CancellationToken cancellationToken)
    {
        if (index == _middleware.Length) return bot(turnContext, cancellationToken);
        return _middleware[index].OnTurnAsync(turnContext, ct => RunFrom(index + 1, turnContext, bot, ct), cancellationToken);
    }
}
