namespace ChatService.Channels.DirectLine;

/// <summary><c>POST conversations</c> (start) and <c>GET conversations/{id}</c> (reconnect: a new streamUrl).</summary>
public static class ConversationEndpoints
{
    public static async Task<IResult> Start(HttpContext httpContext, DirectLineAuth auth, DirectLineConversations conversations)
    {
        var error = auth.Authenticate(httpContext.Request, out var caller);
        if (error is not null) return error;
        var body = await RequestBody.ReadAsync(httpContext.Request, TokenEndpoints.StartBodyLimit, httpContext.RequestAborted);
        if (body is null) return DirectLineError.TooBig("The request body is too large.");
        var invalid = StartParameters.TryParse(body, out var parameters);
        if (invalid is not null) return DirectLineError.Bad(invalid);
        var (response, created) = await conversations.StartAsync(httpContext.Request, caller, parameters, httpContext.RequestAborted);
        if (response is null) return DirectLineError.UnknownConversation();
        return Results.Json(response, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<IResult> Reconnect(HttpContext httpContext, string conversationId, string? watermark,
        DirectLineAuth auth, DirectLineConversations conversations)
    {
        var error = auth.Authorize(httpContext.Request, conversationId, out _);
        if (error is not null) return error;
        if (!Watermark.TryParse(watermark, out _)) return DirectLineError.Bad("The watermark is not valid.");
        var response = await conversations.ReconnectAsync(httpContext.Request, conversationId, watermark, httpContext.RequestAborted);
        return response is null ? DirectLineError.UnknownConversation() : Results.Json(response);
    }
}
