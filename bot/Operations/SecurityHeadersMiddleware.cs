using Microsoft.Extensions.Options;

namespace ChatService.Operations;

/// <summary>Adds the browser security headers (CSP unless the endpoint set its own, nosniff, referrer, framing, permissions, HSTS on HTTPS) to every response.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<OperationsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value.SecurityHeaders;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A page that declares its own policy (the chat page, served files) keeps it; everything else gets the default.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = settings.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = settings.ReferrerPolicy;
            headers.XFrameOptions = "DENY"; // set last-wins: antiforgery would otherwise send SAMEORIGIN
            headers["Permissions-Policy"] = settings.PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps && settings.HstsMaxAge > TimeSpan.Zero)
                headers.StrictTransportSecurity = $"max-age={(long)settings.HstsMaxAge.TotalSeconds}; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
