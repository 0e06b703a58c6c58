using ChatService.State;
using Microsoft.AspNetCore.Http.Features;

namespace ChatService.Operations;

/// <summary>
/// The last line of defence for error responses: a body that is too large (checked up front, or Kestrel's
/// <see cref="BadHttpRequestException"/> wherever it is read) becomes 413 JSON; a store outage that escaped an
/// endpoint (or a conversation still busy with an earlier turn) becomes 503 + Retry-After, so a channel retries later
/// or on another instance; any other escaped exception is logged and becomes 500 JSON without details;
/// and an error status without a body gets the JSON error body.
/// </summary>
public sealed partial class ErrorBodyMiddleware(RequestDelegate next, ILogger<ErrorBodyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit)
        {
            await DrainAsync(context, sizeFeature);
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ex.StatusCode);
            return;
        }
        catch (StoreUnavailableException ex) when (!context.Response.HasStarted)
        {
            LogUnavailable(context.Request.Method, context.Request.Path, ex.Message);
            await ErrorResponse.UnavailableAsync(context, "The conversation store is temporarily unavailable. Please retry shortly.");
            return;
        }
        catch (ConversationBusyException ex) when (!context.Response.HasStarted)
        {
            LogUnavailable(context.Request.Method, context.Request.Path, ex.Message);
            await ErrorResponse.UnavailableAsync(context, "This conversation is still busy with an earlier message. Please retry shortly.");
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(ex, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted
            && context.Response.ContentType is null && context.Response.ContentLength is null
            && !HttpMethods.IsHead(context.Request.Method))
            await WriteAsync(context, context.Response.StatusCode);
    }

    /// <summary>Most clients send the whole body before they read the answer: read a moderately oversized body
    /// to its end so they see the 413 rather than a reset connection; a huge one is cut off.</summary>
    private static async Task DrainAsync(HttpContext context, IHttpMaxRequestBodySizeFeature sizeFeature)
    {
        if (context.Request.ContentLength > DrainLimit || sizeFeature.IsReadOnly) return;
        sizeFeature.MaxRequestBodySize = DrainLimit;
        var buffer = new byte[16 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0) { }
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // the client went away or lied about the length: the 413 still goes out if it can
        }
    }

    private const long DrainLimit = 8 * 1024 * 1024;

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (code, message) = ErrorResponse.ForStatus(status);
        return ErrorResponse.WriteAsync(context, status, code, message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception ex, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Reason}")]
    private partial void LogUnavailable(string method, string path, string reason);
}
