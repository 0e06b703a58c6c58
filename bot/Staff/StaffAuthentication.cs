using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ChatService.Staff;

/// <summary>
/// Staff authentication: a cookie for pages, short-lived bearer tokens for APIs, the "Staff" policy scheme
/// choosing between them, and OpenID Connect when <c>Staff:Oidc:Authority</c> is set. Sessions and tokens of
/// local accounts are checked against the store on every request, so disabling an account or changing its
/// password or roles takes effect at once.
/// </summary>
public static class StaffAuthentication
{
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // No default authenticate scheme: staff credentials are read only where a staff policy asks for them, so
        // customer traffic (Direct Line tokens, Bot Connector JWTs) never passes through staff authentication.
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultChallengeScheme = StaffSchemes.Staff;
                options.DefaultForbidScheme = StaffSchemes.Staff;
            })
            .AddPolicyScheme(StaffSchemes.Staff, "Staff cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubToken(context.Request) is not null
                    ? StaffSchemes.Bearer : StaffSchemes.Cookie)
            .AddCookie(StaffSchemes.Cookie)
            .AddJwtBearer(StaffSchemes.Bearer);
        services.AddOptions<CookieAuthenticationOptions>(StaffSchemes.Cookie).Configure<IOptions<StaffOptions>>(ConfigureCookie);
        services.AddOptions<JwtBearerOptions>(StaffSchemes.Bearer).Configure<StaffTokenIssuer>(ConfigureBearer);
        if (!string.IsNullOrWhiteSpace(configuration[$"{StaffOptions.Section}:Oidc:Authority"]))
            authentication.AddStaffOidc();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IOptions<StaffOptions> staff)
    {
        options.Cookie.Name = "chatservice.staff";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = staff.Value.CookieLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = "/staff/login";
        options.LogoutPath = "/staff/logout";
        options.Events.OnRedirectToLogin = context =>
        {
            if (!StaffChallenges.IsPageRequest(context.Request)) return StaffChallenges.UnauthorizedAsync(context.HttpContext);
            var request = context.Request; // a relative redirect: never built from the (client-supplied) Host header
            context.Response.Redirect("/staff/login" + QueryString.Create("returnUrl", request.PathBase + request.Path + request.QueryString));
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context => StaffChallenges.ForbiddenAsync(context.HttpContext);
        options.Events.OnValidatePrincipal = async context =>
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<IStaffUserStore>();
            if (context.Principal is not null && await StaffPrincipals.IsCurrentAsync(context.Principal, store, context.HttpContext.RequestAborted)) return;
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffSchemes.Cookie);
        };
    }

    private static void ConfigureBearer(JwtBearerOptions options, StaffTokenIssuer issuer)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = issuer.ValidationParameters();
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token ??= HubToken(context.Request); // browsers cannot set headers on WebSocket requests
                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                var store = context.HttpContext.RequestServices.GetRequiredService<IStaffUserStore>();
                if (context.Principal is null || !await StaffPrincipals.IsCurrentAsync(context.Principal, store, context.HttpContext.RequestAborted))
                    context.Fail("The staff account is disabled or changed since the token was issued.");
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await StaffChallenges.UnauthorizedAsync(context.HttpContext);
            },
            OnForbidden = context => StaffChallenges.ForbiddenAsync(context.HttpContext),
        };
    }

    /// <summary>A bearer token in the <c>access_token</c> query string, accepted only on SignalR hub paths (<c>/hubs/…</c>).</summary>
    private static string? HubToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;
}
