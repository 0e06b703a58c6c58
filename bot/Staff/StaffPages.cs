using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ChatService.Staff;

/// <summary>The staff pages: login (antiforgery-protected form), logout, and the signed-in landing page.</summary>
public static class StaffPages
{
    private const string GenericFailure = "Sign-in failed. Check the user name and password, or try again later.";

    public static void MapStaffPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/login", (HttpContext context, string? returnUrl, string? failed) =>
            WriteLoginAsync(context, SafeReturnUrl(returnUrl), failed is null ? null : GenericFailure)).AllowAnonymous();
        endpoints.MapPost("/staff/login", PostLoginAsync).AllowAnonymous().DisableAntiforgery() // validated explicitly below
            .RequireRateLimiting(Operations.RateLimiting.SignInPolicy);
        endpoints.MapGet("/staff/login/oidc", async (HttpContext context, string? returnUrl) => await OidcEnabledAsync(context)
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [StaffSchemes.Oidc])
            : Results.NotFound()).AllowAnonymous();
        endpoints.MapPost("/staff/logout", PostLogoutAsync).RequireAuthorization(StaffPolicies.AnyStaff).DisableAntiforgery();
        endpoints.MapGet("/staff/", WriteHomeAsync).RequireAuthorization(StaffPolicies.AnyStaff);
    }

    private static async Task PostLoginAsync(HttpContext context, IAntiforgery antiforgery, StaffAccounts accounts)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await StaffPageHtml.WriteAsync(context, "Form expired", "<p>This form expired. <a href=\"/staff/login\">Reload the sign-in page</a> and try again.</p>");
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var userName = form["userName"].ToString().Trim();
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var result = await accounts.SignInAsync(userName, form["password"].ToString(), "password", context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        if (result is not { Status: SignInStatus.Succeeded, User: { } user })
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteLoginAsync(context, returnUrl, GenericFailure, userName);
            return;
        }
        await context.SignInAsync(StaffSchemes.Cookie, StaffPrincipals.Create(user, StaffSchemes.Cookie));
        context.Response.Redirect(returnUrl); // 302 → GET, so a reload does not post the password again
    }

    private static async Task PostLogoutAsync(HttpContext context, IAntiforgery antiforgery, StaffAudit audit)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await StaffPageHtml.WriteAsync(context, "Form expired", "<p>This form expired. <a href=\"/staff/\">Go back</a> and try again.</p>");
            return;
        }
        audit.SignedOut(StaffPrincipals.Actor(context.User));
        await context.SignOutAsync(StaffSchemes.Cookie);
        context.Response.Redirect("/staff/login");
    }

    private static async Task WriteLoginAsync(HttpContext context, string returnUrl, string? error, string? userName = null)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var sso = await OidcEnabledAsync(context)
            ? $"<p class=\"alt\"><a class=\"button\" href=\"/staff/login/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}\">Sign in with single sign-on</a></p>" : "";
        await StaffPageHtml.WriteAsync(context, "Staff sign-in", $"""
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{StaffPageHtml.Encode(error)}</p>")}
            <form method="post" action="/staff/login">
            <input type="hidden" name="{tokens.FormFieldName}" value="{StaffPageHtml.Encode(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{StaffPageHtml.Encode(returnUrl)}">
            <label for="userName">User name</label><input id="userName" name="userName" type="text" autocomplete="username" required maxlength="64" value="{StaffPageHtml.Encode(userName)}" autofocus>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
            <button type="submit">Sign in</button>
            </form>{sso}
            """);
    }

    private static Task WriteHomeAsync(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var roles = string.Join(", ", context.User.FindAll(StaffSchemes.RoleClaim).Select(c => c.Value));
        return StaffPageHtml.WriteAsync(context, "ChatService staff", $"""
            <p>Signed in as <strong>{StaffPageHtml.Encode(context.User.FindFirstValue(StaffSchemes.NameClaim))}</strong> ({StaffPageHtml.Encode(roles)}).</p>
            <form method="post" action="/staff/logout"><input type="hidden" name="{tokens.FormFieldName}" value="{StaffPageHtml.Encode(tokens.RequestToken)}"><button type="submit">Sign out</button></form>
            """);
    }

    private static async Task<bool> OidcEnabledAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(StaffSchemes.Oidc) is not null;

    /// <summary>Only local paths, so the login page cannot be used to redirect to another site.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains("://", StringComparison.Ordinal)
            ? url : returnUrl == "/" ? "/" : "/staff/";
}
