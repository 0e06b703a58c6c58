using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Tests.Pipeline;

public sealed class MiddlewareSetTests
{
    private sealed class Recording(List<string> log, string name) : ITurnMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            log.Add($"{name}:before");
            await next(cancellationToken);
            log.Add($"{name}:after");
        }
    }

    [Fact]
    public async Task RunAsync_RunsMiddlewareInDeclaredOrderAroundTheBot()
    {
        var log = new List<string>();
        var set = new MiddlewareSet([new Recording(log, "a"), new Recording(log, "b")]);
        var turnContext = new TurnContext(new Activity { Type = ActivityTypes.Message, Conversation = new() { Id = "c" } }, new BufferingSender());

        await set.RunAsync(turnContext, (_, _) => { log.Add("bot"); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(["a:before", "b:before", "bot", "b:after", "a:after"], log);
    }
}
