using ChatService.Channels.DirectLine;

namespace ChatService.Channels.WebChat;

/// <summary>
/// <c>POST /api/webchat/token</c> <c>{"locale"}</c>: the page's way to a Direct Line token. The secret stays on the
/// server; each call is one new conversation, rate-limited per client address.
/// </summary>
public static class WebChatTokenEndpoint
{
    public static async Task<IResult> IssueToken(HttpContext httpContext, TokenRequestLimiter limiter, DirectLineConversations conversations)
    {
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryAcquire(client, out var retryAfter))
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return DirectLineError.Result(StatusCodes.Status429TooManyRequests, DirectLineError.TooManyRequests, "Too many chat sessions requested; please wait a moment.");
        }
        var body = await RequestBody.ReadAsync(httpContext.Request, 1024, httpContext.RequestAborted);
        if (body is null) return DirectLineError.TooBig("The request body is too large.");
        // Only the locale is taken from the page: the user id is always ours, so a page cannot impersonate anyone.
        if (StartParameters.TryParse(body, out var parameters) is { } invalid) return DirectLineError.Bad(invalid);
        httpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(await conversations.GenerateAsync(new StartParameters(null, null, parameters.Locale), httpContext.RequestAborted));
    }
}
