using System.Text.Json.Serialization;
using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels.BotFramework;

/// <summary>
/// For <c>deliveryMode: expectReplies</c>: keeps everything the turn sends (typing and traces included, as
/// the SDK does) for the HTTP response instead of POSTing it to the Connector.
/// </summary>
public sealed class ExpectRepliesSender : IChannelSender
{
    private readonly List<Activity> _replies = [];

    public IReadOnlyList<Activity> Replies
    {
        get { lock (_replies) return _replies.ToArray(); }
    }

    public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        lock (_replies)
        {
            for (var i = 0; i < activities.Count; i++)
            {
                // the channel would assign ids; here we do, so transcripts and updates can refer to them
                activities[i].Id ??= $"r_{Guid.NewGuid():N}";
                responses[i] = new ResourceResponse(activities[i].Id!);
                _replies.Add(activities[i]);
            }
        }
        return Task.FromResult(responses);
    }

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedByChannelException("Activities delivered as expected replies cannot be updated.");

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedByChannelException("Activities delivered as expected replies cannot be deleted.");
}

/// <summary>The body of an expectReplies response.</summary>
public sealed record ExpectedReplies([property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities);
