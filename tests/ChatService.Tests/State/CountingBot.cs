using System.Globalization;
using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.State;

/// <summary>
/// A test bot that keeps a counter in conversation state (read, increment, write with the ETag) and appends
/// each turn to the conversation's stream, so a lost update or a lost activity shows in the numbers.
/// </summary>
public sealed class CountingBot(IStateStore store, IActivityStreamStore streams, IOptions<StateOptions> options, CountingBot.Name name) : IBot
{
    public sealed record Name(string Value);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id ?? throw new InvalidOperationException("No conversation.");
        var key = StateKeys.Conversation(conversationId);
        var timeToLive = options.Value.ConversationTimeToLive;
        var item = await store.ReadAsync(key, cancellationToken);
        var count = item is null ? 1 : int.Parse(item.Value, CultureInfo.InvariantCulture) + 1;
        // Give another instance every chance to interleave, were the turn lock not doing its job.
        await Task.Delay(5, cancellationToken);
        await store.WriteAsync(key, count.ToString(CultureInfo.InvariantCulture), item?.ETag ?? "*", timeToLive, cancellationToken);
        await streams.AppendAsync(StateKeys.DirectLineStream(conversationId), $"{name.Value}:{turnContext.Activity.Text}", timeToLive, cancellationToken);
        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = $"count={count}" }, cancellationToken);
    }
}
