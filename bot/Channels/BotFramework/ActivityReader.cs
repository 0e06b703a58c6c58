using System.Text.Json;
using ChatService.Channels.Protocol;
using ChatService.Operations;
using Microsoft.AspNetCore.Http.Features;

namespace ChatService.Channels.BotFramework;

/// <summary>The activity read from a request body, or why there is none (status, error code, message).</summary>
public readonly record struct ActivityReadResult(Activity? Activity, int Status, string Code, string Message)
{
    public static ActivityReadResult Error(int status, string code, string message) => new(null, status, code, message);
}

/// <summary>Reads one activity from an <c>/api/messages</c> body, refusing bodies over the configured limit.</summary>
public static class ActivityReader
{
    public static async Task<ActivityReadResult> ReadAsync(HttpContext context, long maxBodyBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBodyBytes) return TooBig(maxBodyBytes);
        // The per-conversation rate limiter already read the body to find the conversation: don't parse it twice.
        if (RequestConversation.TakeActivity(context) is { } preRead)
            return request.Body.CanSeek && request.Body.Length > maxBodyBytes ? TooBig(maxBodyBytes) : Validated(preRead);
        // Kestrel enforces the limit while streaming, for bodies sent without a Content-Length too.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBodyBytes;

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ProtocolJson.Options, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooBig(maxBodyBytes);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "" : $" (at {ex.Path})";
            return ActivityReadResult.Error(StatusCodes.Status400BadRequest, ErrorResponses.BadSyntax, $"The body is not a valid activity{where}.");
        }
        catch (FormatException)
        {
            return ActivityReadResult.Error(StatusCodes.Status400BadRequest, ErrorResponses.BadSyntax, "The body contains a malformed timestamp.");
        }

        if (activity is null)
            return ActivityReadResult.Error(StatusCodes.Status400BadRequest, ErrorResponses.BadSyntax, "The body is not an activity object.");
        return Validated(activity);
    }

    private static ActivityReadResult Validated(Activity activity) => string.IsNullOrWhiteSpace(activity.Type)
        ? ActivityReadResult.Error(StatusCodes.Status400BadRequest, ErrorResponses.MissingProperty, "The activity has no type.")
        : new ActivityReadResult(activity, StatusCodes.Status200OK, "", "");

    private static ActivityReadResult TooBig(long maxBodyBytes) =>
        ActivityReadResult.Error(StatusCodes.Status413PayloadTooLarge, ErrorResponses.MessageSizeTooBig, $"The activity is larger than {maxBodyBytes} bytes.");
}
