using ChatService.Channels.Protocol;
using ChatService.Nlu;
using ChatService.Pipeline;
using ChatService.Tests.Pipeline;

namespace ChatService.Tests.Nlu;

[Collection(RepoModelCollection.Name)]
public sealed class NluMiddlewareTests(RepoModelFixture fixture)
{
    [Fact]
    public async Task OnTurnAsync_Message_LeavesTheIntentResultForTheBot()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "我要報案", Locale = "zh-TW", Conversation = new() { Id = "c" } };
        var turnContext = new TurnContext(activity, new BufferingSender());
        IntentResult? seen = null;

        await new MiddlewareSet([new NluMiddleware(fixture.Classifier)]).RunAsync(turnContext, (context, _) =>
        {
            seen = NluMiddleware.GetIntentResult(context, fixture.Classifier);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Equal(Intents.ClaimReport, seen.Intent);
        Assert.Equal(NluLanguages.TraditionalChinese, seen.ReplyLanguage);
        Assert.Same(seen, turnContext.TurnState[NluMiddleware.TurnStateKey]);
    }

    [Fact]
    public async Task OnTurnAsync_NonMessage_ClassifiesNothing()
    {
        var turnContext = new TurnContext(new Activity { Type = ActivityTypes.ConversationUpdate, Conversation = new() { Id = "c" } }, new BufferingSender());
        await new MiddlewareSet([new NluMiddleware(fixture.Classifier)]).RunAsync(turnContext, (_, _) => Task.CompletedTask, CancellationToken.None);
        Assert.False(turnContext.TurnState.ContainsKey(NluMiddleware.TurnStateKey));
    }
}
