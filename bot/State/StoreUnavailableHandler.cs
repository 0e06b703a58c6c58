using System.Globalization;

namespace ChatService.State;

/// <summary>
/// Turns <see cref="StoreUnavailableException"/> (and <see cref="ConversationBusyException"/>) from any
/// endpoint into 503 + Retry-After, so a channel retries later (or on another instance) instead of seeing a
/// 500 or a stack trace.
/// </summary>
public sealed partial class StoreUnavailableHandler(RequestDelegate next, ILogger<StoreUnavailableHandler> logger)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (StoreUnavailableException ex) when (!context.Response.HasStarted)
        {
            LogUnavailable(context.Request.Method, context.Request.Path, ex.Message);
            await AnswerAsync(context, "The conversation store is temporarily unavailable. Please retry shortly.");
        }
        catch (ConversationBusyException ex) when (!context.Response.HasStarted)
        {
            LogUnavailable(context.Request.Method, context.Request.Path, ex.Message);
            await AnswerAsync(context, "This conversation is still busy with an earlier message. Please retry shortly.");
        }
    }

    private static async Task AnswerAsync(HttpContext context, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(new { error = new { code = "ServiceUnavailable", message } });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Reason}")]
    private partial void LogUnavailable(string method, PathString path, string reason);
}
