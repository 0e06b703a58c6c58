using ChatService.Channels.Protocol;

namespace ChatService.Pipeline;

/// <summary>Runs when the turn sends activities; may change them, and must call <c>next</c> to send.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>Runs when the turn replaces an earlier activity; must call <c>next</c> to update it.</summary>
public delegate Task UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task> next);

/// <summary>Runs when the turn deletes an earlier activity; must call <c>next</c> to delete it.</summary>
public delegate Task DeleteActivityHandler(ITurnContext turnContext, string activityId, Func<Task> next);

/// <summary>One turn: the activity that arrived, a way to answer it, and state for the turn's lifetime.</summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Per-turn values shared between middleware and the bot (not persisted).</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once anything has been sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>The turn's response to an <c>invoke</c>, if the bot set one.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Replaces an earlier activity, where the channel supports it.</summary>
    Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Deletes an earlier activity, where the channel supports it.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Adds a hook that sees (and may change) every batch of outgoing activities.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    /// <summary>Adds a hook that sees every update of an earlier activity.</summary>
    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    /// <summary>Adds a hook that sees every deletion of an earlier activity .</summary>
    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}

/// <summary>Status and body returned to the caller of an <c>invoke</c> activity.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);
