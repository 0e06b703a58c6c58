using ChatService.Channels.Protocol;

namespace ChatService.Pipeline;

/// <summary>The turn context: fills in addressing on replies and runs the send, update and delete hooks before the channel acts.</summary>
public sealed class TurnContext(Activity activity, IChannelSender sender) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<UpdateActivityHandler> _onUpdate = [];
    private readonly List<DeleteActivityHandler> _onDelete = [];

    public Activity Activity { get; } = activity;
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>();
    public bool Responded { get; private set; }
    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Length > 0 ? responses[0] : new ResourceResponse("");
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default)
    {
        var batch = activities.Select(ApplyAddressing).ToList();
        if (batch.Count == 0) return Task.FromResult(Array.Empty<ResourceResponse>());
        return RunHooks(0, batch, cancellationToken);
    }

    public Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        RunUpdateHooks(0, ApplyAddressing(activity), cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        RunDeleteHooks(0, activityId, cancellationToken);

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        _onUpdate.Add(handler);
        return this;
    }

    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        _onDelete.Add(handler);
        return this;
    }

    private Task RunUpdateHooks(int index, Activity activity, CancellationToken cancellationToken) =>
        index < _onUpdate.Count
            ? _onUpdate[index](this, activity, () => RunUpdateHooks(index + 1, activity, cancellationToken))
            : sender.UpdateAsync(activity, cancellationToken);

    private Task RunDeleteHooks(int index, string activityId, CancellationToken cancellationToken) =>
        index < _onDelete.Count
            ? _onDelete[index](this, activityId, () => RunDeleteHooks(index + 1, activityId, cancellationToken))
            : sender.DeleteAsync(Activity.GetConversationReference(), activityId, cancellationToken);

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunHooks(int index, List<Activity> batch, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
            return _onSend[index](this, batch, () => RunHooks(index + 1, batch, cancellationToken));
        if (batch.Exists(a => a.Type != ActivityTypes.Trace || Activity.ChannelId == "emulator"))
            Responded = true;
        return sender.SendAsync(batch, cancellationToken);
    }

    /// <summary>Addresses an outgoing activity to this conversation, keeping whatever the bot set itself.</summary>
    private Activity ApplyAddressing(Activity outgoing)
    {
        var reply = Activity.CreateReply();
        outgoing.Type ??= ActivityTypes.Message;
        outgoing.ChannelId ??= reply.ChannelId;
        outgoing.ServiceUrl ??= reply.ServiceUrl;
        outgoing.Conversation ??= reply.Conversation;
        outgoing.From ??= reply.From;
        outgoing.Recipient ??= reply.Recipient;
        outgoing.Locale ??= reply.Locale;
        if (outgoing.ReplyToId is null && outgoing.Type != ActivityTypes.Typing) outgoing.ReplyToId = Activity.Id;
        return outgoing;
    }
}
