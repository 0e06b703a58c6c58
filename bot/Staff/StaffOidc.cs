using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ChatService.Staff;

/// <summary>
/// OpenID Connect sign-in for staff (authorization code flow), signing in to the staff cookie. Roles come from
/// the <c>Staff:Oidc:RoleClaim</c> claim; only the four staff role names count, and a user with none is refused.
/// </summary>
public static class StaffOidc
{
    public static AuthenticationBuilder AddStaffOidc(this AuthenticationBuilder authentication)
    {
        authentication.AddOpenIdConnect(StaffSchemes.Oidc, "Single sign-on", _ => { });
        authentication.Services.AddOptions<OpenIdConnectOptions>(StaffSchemes.Oidc).Configure<IOptions<StaffOptions>>((options, staff) =>
        {
            var oidc = staff.Value.Oidc;
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SignInScheme = StaffSchemes.Cookie;
            options.CallbackPath = "/staff/signin-oidc";
            options.SignedOutCallbackPath = "/staff/signout-callback-oidc";
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Scope.Add("profile");
            options.Events.OnTokenValidated = context => OnTokenValidated(context, oidc.RoleClaim);
            options.Events.OnRemoteFailure = context =>
            {
                context.HandleResponse(); // never an exception page: back to the login form with the generic message
                context.Response.Redirect("/staff/login?failed=1");
                return Task.CompletedTask;
            };
        });
        return authentication;
    }

    /// <summary>The staff roles named by the role claim; anything else a provider sends is dropped.</summary>
    public static string[] MapRoles(ClaimsPrincipal external, string roleClaim) =>
        StaffRoleNames.Normalize(external.FindAll(roleClaim).Select(c => c.Value));

    private static Task OnTokenValidated(TokenValidatedContext context, string roleClaim)
    {
        var external = context.Principal!;
        var audit = context.HttpContext.RequestServices.GetRequiredService<StaffAudit>();
        var userName = external.FindFirstValue("preferred_username") ?? external.FindFirstValue("email")
            ?? external.FindFirstValue("sub") ?? "unknown";
        var roles = MapRoles(external, roleClaim);
        var remoteIp = context.HttpContext.Connection.RemoteIpAddress?.ToString();
        if (roles.Length == 0)
        {
            audit.SignInFailed(userName, "oidc", remoteIp, "no staff role");
            context.Fail("No staff role.");
            return Task.CompletedTask;
        }
        context.Principal = StaffPrincipals.Create(userName, roles, StaffPrincipals.Oidc, stamp: null, StaffSchemes.Oidc);
        audit.SignInSucceeded(userName, "oidc", remoteIp);
        return Task.CompletedTask;
    }
}
