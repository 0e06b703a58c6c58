using System.Text.Json;

namespace ChatService.Operations;

/// <summary>
/// Finds the conversation a request belongs to: the route's <c>conversationId</c> (Direct Line), or for
/// <c>POST /api/messages</c> the activity's <c>conversation.id</c>, read from a rewound, buffered body.
/// </summary>
public static class RequestConversation
{
    private const string ItemKey = "chatservice.conversationId";
    public const string MessagesPath = "/api/messages";

    /// <summary>The conversation id found by <see cref="ConversationScopeMiddleware"/>, or null.</summary>
    public static string? Get(HttpContext context) => context.Items[ItemKey] as string;

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
        var fromBody = await ReadActivityConversationAsync(context.Request, context.RequestAborted);
        if (fromBody is not null) context.Items[ItemKey] = fromBody;
        return fromBody;
    }

    private static async Task<string?> ReadActivityConversationAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("conversation", out var conversation)
                && conversation.ValueKind == JsonValueKind.Object
                && conversation.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // the endpoint answers the malformed body itself
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
