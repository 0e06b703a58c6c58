using ChatService.Operations;

namespace ChatService.Staff;

/// <summary>
/// The staff APIs: <c>POST /api/staff/token</c> (password → bearer token), <c>GET /api/staff/me</c>, and the
/// admin account APIs under <c>/api/staff/users</c>.
/// </summary>
public static class StaffApi
{
    public sealed record TokenRequest(string? UserName, string? Password);
    public sealed record CreateUserRequest(string? UserName, string? Password, string[]? Roles);
    public sealed record RolesRequest(string[]? Roles);
    public sealed record PasswordRequest(string? Password);
    public sealed record UserView(string UserName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt);

    public static void MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/staff");
        api.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(RateLimiting.SignInPolicy);
        api.MapGet("/me", (HttpContext context) => Results.Ok(new
        {
            userName = StaffPrincipals.Actor(context.User),
            roles = context.User.FindAll(StaffSchemes.RoleClaim).Select(c => c.Value).ToArray(),
            source = context.User.FindFirst(StaffSchemes.SourceClaim)?.Value,
        })).RequireAuthorization(StaffPolicies.AnyStaff);

        var users = api.MapGroup("/users").RequireAuthorization(StaffRoles.Admin);
        users.MapGet("/", async (IStaffUserStore store, TimeProvider time, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(ct)).Select(u => View(u, time))));
        users.MapPost("/", async (CreateUserRequest body, StaffUserAdmin admin, HttpContext context, TimeProvider time) =>
            Answer(await admin.CreateAsync(body.UserName?.Trim(), body.Password, body.Roles, StaffPrincipals.Actor(context.User), context.RequestAborted), time));
        users.MapPut("/{userName}/roles", async (string userName, RolesRequest body, StaffUserAdmin admin, HttpContext context, TimeProvider time) =>
            Answer(await admin.SetRolesAsync(userName, body.Roles, StaffPrincipals.Actor(context.User), context.RequestAborted), time));
        users.MapPost("/{userName}/disable", async (string userName, StaffUserAdmin admin, HttpContext context, TimeProvider time) =>
            Answer(await admin.SetDisabledAsync(userName, true, StaffPrincipals.Actor(context.User), context.RequestAborted), time));
        users.MapPost("/{userName}/enable", async (string userName, StaffUserAdmin admin, HttpContext context, TimeProvider time) =>
            Answer(await admin.SetDisabledAsync(userName, false, StaffPrincipals.Actor(context.User), context.RequestAborted), time));
        users.MapPost("/{userName}/password", async (string userName, PasswordRequest body, StaffUserAdmin admin, HttpContext context, TimeProvider time) =>
            Answer(await admin.ResetPasswordAsync(userName, body.Password, StaffPrincipals.Actor(context.User), context.RequestAborted), time));
    }

    private static async Task<IResult> IssueTokenAsync(TokenRequest? body, StaffAccounts accounts, StaffTokenIssuer issuer, HttpContext context)
    {
        var result = await accounts.SignInAsync(body?.UserName?.Trim() ?? "", body?.Password ?? "", "token",
            context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        if (result is not { Status: SignInStatus.Succeeded, User: { } user })
            return Results.Json(ErrorResponse.Body("InvalidCredentials", "Sign-in failed. Check the user name and password, or try again later."),
                statusCode: StatusCodes.Status401Unauthorized);
        var (token, lifetime) = issuer.Issue(user);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new { access_token = token, token_type = "Bearer", expires_in = (long)lifetime.TotalSeconds });
    }

    private static IResult Answer(AdminResult result, TimeProvider time) => result switch
    {
        { Status: StatusCodes.Status201Created, User: { } user } => Results.Created($"/api/staff/users/{Uri.EscapeDataString(user.UserName)}", View(user, time)),
        { User: { } user } => Results.Ok(View(user, time)),
        _ => Results.Json(ErrorResponse.Body(result.Code ?? "Error", result.Message ?? "The request failed."), statusCode: result.Status),
    };

    private static UserView View(StaffUser user, TimeProvider time) =>
        new(user.UserName, user.Roles, user.Disabled, user.IsLockedOut(time.GetUtcNow()), user.CreatedAt);
}
