using System.Globalization;
using ChatService.Channels.Protocol;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// A conversation's activity stream in the shared <see cref="IActivityStreamStore"/>. An activity's id is its
/// position: <c>{conversationId}|{sequence:D7}</c>, so ids, watermarks and order can never disagree.
/// </summary>
public sealed class DirectLineStream(IActivityStreamStore store, IOptions<StateOptions> stateOptions)
{
    public const int PageSize = 100;

    public static string ActivityId(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>Appends the activity (stored without id) and returns the id it got; the activity is updated with it.</summary>
    public async Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = null;
        var sequence = await store.AppendAsync(StateKeys.DirectLineStream(conversationId), ProtocolJson.Serialize(activity),
            stateOptions.Value.ConversationTimeToLive, cancellationToken);
        activity.Id = ActivityId(conversationId, sequence);
        return activity.Id;
    }

    /// <summary>The next page after <paramref name="afterSequence"/>; <c>Last</c> is the last sequence read (skipped entries included).</summary>
    public async Task<(List<Activity> Activities, long? Last)> ReadAsync(
        string conversationId, long? afterSequence, bool includeTyping, CancellationToken cancellationToken)
    {
        var entries = await store.ReadAfterAsync(StateKeys.DirectLineStream(conversationId), afterSequence, PageSize, cancellationToken);
        var activities = new List<Activity>(entries.Count);
        foreach (var entry in entries)
        {
            var activity = ProtocolJson.Deserialize<Activity>(entry.Payload)!;
            if (!includeTyping && activity.Type == ActivityTypes.Typing) continue;
            activity.Id = ActivityId(conversationId, entry.Sequence);
            activities.Add(activity);
        }
        return (activities, entries.Count > 0 ? entries[^1].Sequence : afterSequence);
    }

    public IDisposable Subscribe(string conversationId, Action<long> onAppended) =>
        store.Subscribe(StateKeys.DirectLineStream(conversationId), onAppended);
}
