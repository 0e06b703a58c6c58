using ChatService.Pipeline;
using ChatService.State;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// The error boundary of the Direct Line endpoints: whatever goes wrong, the client gets a Direct Line error
/// body and never a stack trace. Store outages and shutdown are 503 + Retry-After so the client tries again.
/// </summary>
public sealed partial class DirectLineErrorFilter(ILogger<DirectLineErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (StoreUnavailableException ex)
        {
            LogUnavailable(ex, httpContext.Request.Path);
            return DirectLineError.Unavailable(httpContext, "The conversation store is unavailable; please retry.");
        }
        catch (ShuttingDownException)
        {
            return DirectLineError.Unavailable(httpContext, "The service is restarting; please retry.");
        }
        catch (TimeoutException)
        {
            return DirectLineError.Unavailable(httpContext, "The conversation is busy; please retry.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineError.TooBig("The request body is too large.");
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the client went away
        }
        catch (Exception ex)
        {
            LogFailed(ex, httpContext.Request.Path);
            return DirectLineError.Result(StatusCodes.Status500InternalServerError, DirectLineError.ServiceError, "The service failed to process the request.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line request {Path} answered 503: store unavailable")]
    private partial void LogUnavailable(Exception ex, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line request {Path} failed")]
    private partial void LogFailed(Exception ex, string path);
}
