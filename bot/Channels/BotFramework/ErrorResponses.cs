using ChatService.Operations;

namespace ChatService.Channels.BotFramework;

/// <summary>The Connector API's error codes for <c>/api/messages</c>, written in the service's one error shape; never a stack trace.</summary>
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

    public static Task WriteAsync(HttpResponse response, int status, string code, string message) =>
        response.HasStarted ? Task.CompletedTask : ErrorResponse.WriteAsync(response.HttpContext, status, code, message);

    public static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "POST";
        return WriteAsync(context.Response, StatusCodes.Status405MethodNotAllowed, MethodNotAllowed, "Only POST is supported on /api/messages.");
    }
}
