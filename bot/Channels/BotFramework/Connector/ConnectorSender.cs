using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels.BotFramework.Connector;

/// <summary>
/// Delivers a turn's activities to one channel through the Connector at a fixed serviceUrl (the one that
/// came with the inbound activity or the stored reference; never a serviceUrl the bot wrote on a reply).
/// Failures are logged and thrown, so the turn's error boundary decides what the customer sees.
/// </summary>
public sealed partial class ConnectorSender(
    ConnectorClient client, TrustedServiceUrls trustedServiceUrls, string serviceUrl, bool verifyTrust, ILogger logger) : IChannelSender
{
    public async Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        await EnsureTrustedAsync(cancellationToken);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Trace && activity.ChannelId != "emulator")
            {
                // traces are for the developer's Emulator only; other channels would show them to customers
                responses[i] = new ResourceResponse($"g_{Guid.NewGuid():N}");
                continue;
            }
            activity.Id = null; // the channel assigns ids
            responses[i] = await GuardAsync(() => client.SendAsync(serviceUrl, activity, cancellationToken), activity);
        }
        return responses;
    }

    public async Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        await EnsureTrustedAsync(cancellationToken);
        await GuardAsync(() => client.UpdateAsync(serviceUrl, activity, cancellationToken), activity);
    }

    public async Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        await EnsureTrustedAsync(cancellationToken);
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        await GuardAsync(async () =>
        {
            await client.DeleteAsync(serviceUrl, conversationId, activityId, cancellationToken);
            return new ResourceResponse(activityId);
        }, null);
    }

    private async Task EnsureTrustedAsync(CancellationToken cancellationToken)
    {
        if (verifyTrust && !await trustedServiceUrls.IsTrustedAsync(serviceUrl, cancellationToken))
            throw new ConnectorException($"The serviceUrl '{serviceUrl}' never arrived with a validated token; not sending to it.", 0);
    }

    private async Task<ResourceResponse> GuardAsync(Func<Task<ResourceResponse>> call, Activity? activity)
    {
        try
        {
            return await call();
        }
        catch (ConnectorException ex)
        {
            LogSendFailed(ex, ex.StatusCode, activity?.Type, activity?.Conversation?.Id);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector call failed with status {Status} for a {ActivityType} activity in conversation {ConversationId}")]
    private partial void LogSendFailed(Exception ex, int status, string? activityType, string? conversationId);
}
