namespace ChatService.Operations;

/// <summary>
/// Gives every error response without a body the JSON error body, and turns a body that is too large (Kestrel's
/// <see cref="BadHttpRequestException"/>, wherever it is read) into 413 JSON instead of a crash.
/// </summary>
public sealed class ErrorBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
        {
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
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted
            && context.Response.ContentType is null && context.Response.ContentLength is null
            && !HttpMethods.IsHead(context.Request.Method))
            await WriteAsync(context, context.Response.StatusCode);
    }

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (code, message) = ErrorResponse.ForStatus(status);
        return ErrorResponse.WriteAsync(context, status, code, message);
    }
}
