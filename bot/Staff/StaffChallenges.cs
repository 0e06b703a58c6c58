using ChatService.Operations;

namespace ChatService.Staff;

/// <summary>
/// How a refused staff request is answered: a browser navigating to a page is sent to the login page (or shown
/// a 403 page); anything else (APIs, scripts) gets 401/403 with the JSON error body.
/// </summary>
public static class StaffChallenges
{
    public static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    public static Task UnauthorizedAsync(HttpContext context) =>
        ErrorResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in as staff to use this.");

    public static Task ForbiddenAsync(HttpContext context)
    {
        if (!IsPageRequest(context.Request))
            return ErrorResponse.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "Your staff role does not allow this.");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return StaffPageHtml.WriteAsync(context, "Not allowed", "<p>Your staff role does not allow this page.</p><p><a href=\"/staff/\">Back</a></p>");
    }
}
