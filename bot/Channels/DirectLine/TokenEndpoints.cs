namespace ChatService.Channels.DirectLine;

/// <summary><c>POST tokens/generate</c> (secret → a token for a new conversation) and <c>POST tokens/refresh</c>.</summary>
public static class TokenEndpoints
{
    private const int MaxStartBody = 4 * 1024;

    public static async Task<IResult> Generate(HttpContext httpContext, DirectLineAuth auth, DirectLineConversations conversations)
    {
        var error = auth.Authenticate(httpContext.Request, out var caller);
        if (error is not null) return error;
        if (!caller.IsSecret) return DirectLineError.Forbidden("Only the Direct Line secret can generate tokens.");
        var body = await RequestBody.ReadAsync(httpContext.Request, MaxStartBody, httpContext.RequestAborted);
        if (body is null) return DirectLineError.TooBig("The request body is too large.");
        var invalid = StartParameters.TryParse(body, out var parameters);
        if (invalid is not null) return DirectLineError.Bad(invalid);
        return Results.Json(await conversations.GenerateAsync(parameters, httpContext.RequestAborted));
    }

    public static async Task<IResult> Refresh(HttpContext httpContext, DirectLineAuth auth, DirectLineConversationStore store, DirectLineTokenService tokens)
    {
        var error = auth.Authenticate(httpContext.Request, out var caller);
        if (error is not null) return error;
        if (caller.Token is not { } token) return DirectLineError.Bad("Only a token can be refreshed; the secret never expires.");
        if (await store.FindAsync(token.ConversationId, httpContext.RequestAborted) is null) return DirectLineError.UnknownConversation();
        var fresh = tokens.Issue(token.ConversationId, token.UserId, TokenScopes.Conversation, tokens.ConversationLifetime);
        return Results.Json(new ConversationResponse(token.ConversationId, fresh, (int)tokens.ConversationLifetime.TotalSeconds));
    }

    internal static int StartBodyLimit => MaxStartBody;
}
