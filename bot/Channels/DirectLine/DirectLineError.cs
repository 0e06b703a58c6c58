using System.Text.Json.Serialization;
using ChatService.Operations;

namespace ChatService.Channels.DirectLine;

/// <summary>The Direct Line error body <c>{"error":{"code","message"}}</c> and the codes clients react to.</summary>
public static class DirectLineError
{
    public const string BadArgument = "BadArgument";
    public const string Unauthorized = "Unauthorized";
    public const string TokenExpired = "TokenExpired";
    public const string NotFound = "NotFound";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string ServiceError = "ServiceError";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string TooManyRequests = "TooManyRequests";

    public sealed record Detail([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);

    public sealed record Body([property: JsonPropertyName("error")] Detail Error);

    public static IResult Result(int status, string code, string message) =>
        Results.Json(new Body(new Detail(code, message)), statusCode: status);

    public static IResult Bad(string message) => Result(StatusCodes.Status400BadRequest, BadArgument, message);

    public static IResult Missing(string message) => Result(StatusCodes.Status401Unauthorized, Unauthorized, message);

    public static IResult Forbidden(string message) => Result(StatusCodes.Status403Forbidden, Unauthorized, message);

    public static IResult Expired() => Result(StatusCodes.Status403Forbidden, TokenExpired, "The token has expired.");

    public static IResult UnknownConversation() => Result(StatusCodes.Status404NotFound, NotFound, "Conversation not found.");

    public static IResult TooBig(string message) => Result(StatusCodes.Status413PayloadTooLarge, MessageSizeTooBig, message);

    public static IResult Unavailable(HttpContext httpContext, string message)
    {
        ErrorResponse.SetRetryAfter(httpContext);
        return Result(StatusCodes.Status503ServiceUnavailable, ServiceUnavailable, message);
    }
}
