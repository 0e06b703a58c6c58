using System.Text.Json;
using ChatService.Channels.Protocol;

namespace ChatService.Operations;

/// <summary>
/// Finds the conversation a request belongs to: the route's <c>conversationId</c> (Direct Line), or for
/// <c>POST /api/messages</c> the activity's <c>conversation.id</c>, read from a rewound, buffered body.
/// The activity read there is kept for the endpoint (<see cref="TakeActivity"/>), so the body is parsed once.
/// </summary>
public static class RequestConversation
{
    private const string ItemKey = "chatservice.conversationId";
    private const string ActivityKey = "chatservice.activity";
    public const string MessagesPath = "/api/messages";

    /// <summary>The conversation id found by <see cref="ConversationScopeMiddleware"/>, or null.</summary>
    public static string? Get(HttpContext context) => context.Items[ItemKey] as string;

    /// <summary>
    /// The <c>/api/messages</c> activity already read from the body, once (the caller owns it), or null: the body was
    /// not read here or is not a valid activity, and the endpoint reads it itself (and answers what is wrong with it).
    /// </summary>
    public static Activity? TakeActivity(HttpContext context)
    {
        if (context.Items[ActivityKey] is not Activity activity) return null;
        context.Items.Remove(ActivityKey);
        return activity;
    }

    internal static async Task<string?> FindAsync(HttpContext context)
    {
        if (context.Request.RouteValues.TryGetValue("conversationId", out var value) && value is string fromRoute && fromRoute.Length > 0)
        {
            context.Items[ItemKey] = fromRoute;
            return fromRoute;
        }
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(MessagesPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.HasJsonContentType() is false)
            return null;
        var activity = await ReadActivityAsync(context.Request, context.RequestAborted);
        if (activity is null) return null;
        context.Items[ActivityKey] = activity;
        var fromBody = activity.Conversation?.Id;
        if (fromBody is not null) context.Items[ItemKey] = fromBody;
        return fromBody;
    }

    private static async Task<Activity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            return await JsonSerializer.DeserializeAsync<Activity>(request.Body, ProtocolJson.Options, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null; // the endpoint reads the malformed body again and answers it itself
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
