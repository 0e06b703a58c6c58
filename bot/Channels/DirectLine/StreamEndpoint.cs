namespace ChatService.Channels.DirectLine;

/// <summary>The WebSocket <c>streamUrl</c>: <c>GET conversations/{id}/stream?watermark=&amp;t=</c>, pre-authorized by its <c>t</c> token.</summary>
public static class StreamEndpoint
{
    public static async Task<IResult> Connect(HttpContext httpContext, string conversationId, string? watermark, string? t,
        DirectLineAuth auth, DirectLineConversationStore store, StreamSession session, StreamConnections connections)
    {
        var error = t is null
            ? auth.Authorize(httpContext.Request, conversationId, out _)
            : auth.CheckToken(t, TokenScopes.Stream, out var caller) ?? (caller.CanAccess(conversationId) ? null : DirectLineError.Forbidden("The stream token is not valid for this conversation."));
        if (error is not null) return error;
        if (!httpContext.WebSockets.IsWebSocketRequest) return DirectLineError.Bad("This URL only accepts WebSocket connections.");
        if (!Watermark.TryParse(watermark, out var after)) return DirectLineError.Bad("The watermark is not valid.");
        if (await store.FindAsync(conversationId, httpContext.RequestAborted) is null) return DirectLineError.UnknownConversation();
        using var lease = connections.TryOpen(conversationId);
        if (lease is null)
            return DirectLineError.Result(StatusCodes.Status429TooManyRequests, DirectLineError.TooManyRequests, "Too many open streams for this conversation.");
        using var socket = await httpContext.WebSockets.AcceptWebSocketAsync();
        await session.RunAsync(socket, conversationId, after, httpContext.RequestAborted);
        return Results.Empty;
    }
}
