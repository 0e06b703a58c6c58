using System.Text.Json;
using System.Text.Json.Serialization;
using ChatService.Channels.Protocol;

namespace ChatService.Channels.BotFramework;

/// <summary>Writes the small JSON error body <c>{"error":{"code","message"}}</c> the Connector API uses; never a stack trace.</summary>
public static class ErrorResponses
{
    public const string BadSyntax = "BadSyntax";
    public const string MissingProperty = "MissingProperty";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string Unauthorized = "Unauthorized";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string ServiceError = "ServiceError";
    public const string NotImplemented = "NotImplemented";

    private sealed record ErrorBody([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);

    private sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody Error);

    public static Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        if (response.HasStarted) return Task.CompletedTask;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, new ErrorResponse(new ErrorBody(code, message)), ProtocolJson.Options);
    }

    public static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "POST";
        return WriteAsync(context.Response, StatusCodes.Status405MethodNotAllowed, MethodNotAllowed, "Only POST is supported on /api/messages.");
    }
}
