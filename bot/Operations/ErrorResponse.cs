using System.Text.Json;

namespace ChatService.Operations;

/// <summary>
/// Writes the one JSON error shape of the service, the Bot Framework's
/// <c>{ "error": { "code": "...", "message": "..." } }</c>, so Direct Line clients and staff tools read the same thing.
/// </summary>
public static class ErrorResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long a client is told to wait (Retry-After) before retrying a 503: one value for every endpoint.</summary>
    public const int RetryAfterSeconds = 2;

    public static object Body(string code, string message) => new { error = new { code, message } };

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(Body(code, message), Json, "application/json; charset=utf-8");
    }

    /// <summary>Tells the client to retry after <see cref="RetryAfterSeconds"/> (for a 503 the caller writes itself).</summary>
    public static void SetRetryAfter(HttpContext context) =>
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>503 + Retry-After with the JSON error body: the service cannot take the request now, nothing was changed.</summary>
    public static Task UnavailableAsync(HttpContext context, string message)
    {
        context.Response.Clear();
        SetRetryAfter(context);
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", message);
    }

    /// <summary>The code and message used when a status has no body of its own.</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        400 => ("BadArgument", "The request is malformed."),
        401 => ("Unauthorized", "Authentication is required."),
        403 => ("Forbidden", "You are not allowed to do this."),
        404 => ("NotFound", "Not found."),
        405 => ("MethodNotAllowed", "Method not allowed."),
        413 => ("MessageSizeTooBig", "The request body is too large."),
        415 => ("UnsupportedMediaType", "Unsupported content type."),
        429 => ("TooManyRequests", "Too many requests. Retry later."),
        503 => ("ServiceUnavailable", "The service is temporarily unavailable. Retry later."),
        _ when status >= 500 => ("ServiceError", "The service failed to process the request."),
        _ => ("Error", "The request failed."),
    };
}
