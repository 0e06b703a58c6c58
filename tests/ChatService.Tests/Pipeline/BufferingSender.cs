using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Tests.Pipeline;

/// <summary>A channel sender that keeps what the turn sent, for pipeline unit tests.</summary>
public sealed class BufferingSender : IChannelSender
{
    public List<Activity> Sent { get; } = [];

    public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.AddRange(activities);
            return Task.FromResult(activities.Select((_, i) => new ResourceResponse($"r{Sent.Count - activities.Count + i}")).ToArray());
        }
    }

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
}
