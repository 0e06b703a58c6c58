namespace ChatService.Operations;

/// <summary>Puts the request's conversation id into the log scope, so every log line of the request carries it.</summary>
public sealed class ConversationScopeMiddleware(RequestDelegate next, ILogger<ConversationScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var conversationId = await RequestConversation.FindAsync(context);
        if (conversationId is null)
        {
            await next(context);
            return;
        }
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["conversationId"] = conversationId });
        await next(context);
    }
}
