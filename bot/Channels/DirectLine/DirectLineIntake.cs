using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Takes one activity a client posted: stamps it as the channel (id, timestamp, from, conversation), echoes it
/// to the stream so Web Chat can match its clientActivityID, and runs the turn. The turn logs the activity
/// durably before the bot sees it, so when this returns the id, nothing acknowledged can be lost.
/// </summary>
public sealed class DirectLineIntake(
    DirectLineStream stream,
    DirectLineChannel channel,
    DirectLineUrls urls,
    TurnRunner turnRunner,
    IOptions<DirectLineOptions> options,
    TimeProvider clock)
{
    /// <summary>Types a client may send through Direct Line (conversationUpdate and the rest are the channel's).</summary>
    private static readonly HashSet<string> ClientTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.Invoke,
        ActivityTypes.MessageReaction, ActivityTypes.EndOfConversation,
    };

    public static string? Validate(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Type)) return "The activity has no type.";
        if (!ClientTypes.Contains(activity.Type)) return $"Activities of type '{activity.Type}' cannot be sent through Direct Line.";
        return null;
    }

    public async Task<string> PostAsync(HttpRequest request, DirectLineConversation conversation, DirectLineCaller caller,
        Activity activity, CancellationToken cancellationToken)
    {
        // A token is bound to one user: whatever from.id the client sent, the token's user is the sender.
        var userId = caller.Token?.UserId ?? activity.From?.Id ?? conversation.UserId;
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name ?? conversation.UserName, Role = RoleTypes.User };
        activity.Recipient = new ChannelAccount { Id = options.Value.BotId, Role = RoleTypes.Bot };
        activity.Conversation = new ConversationAccount { Id = conversation.ConversationId };
        activity.ChannelId = DirectLineChannel.Id;
        activity.ServiceUrl = urls.ServiceUrl(request);
        activity.Timestamp = clock.GetUtcNow();
        activity.Locale ??= conversation.Locale;
        activity.Properties?.Remove("callerId"); // receivers discard a wire value
        // Agents and reviewers open these links later: only web links (or inline data) survive, never javascript: and the like.
        foreach (var attachment in activity.Attachments ?? [])
            if (attachment.ContentUrl is { } url && !IsSafeUrl(url)) attachment.ContentUrl = null;
        if (activity.Type == ActivityTypes.Typing)
            return $"{conversation.ConversationId}|typing"; // "user is typing" is neither stored, echoed nor a turn: the bot has no use for it
        var id = await stream.AppendAsync(conversation.ConversationId, activity, cancellationToken);
        await turnRunner.ProcessAsync(activity, channel.SenderFor(conversation.ConversationId), cancellationToken);
        return id;
    }

    private static bool IsSafeUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase);
}
