using System.Text.Encodings.Web;
using ChatService.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Support;

/// <summary>Options of <see cref="TestSignInHandler"/>: who an unmarked request is (null = anonymous).</summary>
public sealed class TestSignInOptions : AuthenticationSchemeOptions
{
    public string? DefaultUser { get; set; }
    public string DefaultRoles { get; set; } = "";
}

/// <summary>
/// Stands in for the real staff sign-in (tested on its own in Staff/) in tests only, so they can pick any user and role: the user name and roles come from
/// the X-Test-User and X-Test-Roles headers. No header means anonymous, unless a default user is configured (the
/// browser tests, where Chromium cannot add headers; there a "test-user" cookie may name another user).
/// </summary>
public sealed class TestSignInHandler(IOptionsMonitor<TestSignInOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<TestSignInOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";
    public const string UserCookie = "test-user";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        var roles = Request.Headers[RolesHeader].ToString();
        // In the browser tests the page switches editors with a cookie (same roles as the default user).
        if (user.Length == 0 && Options.DefaultUser is not null && Request.Cookies[UserCookie] is { Length: > 0 } cookieUser)
            (user, roles) = (cookieUser, Options.DefaultRoles);
        if (user.Length == 0 && Options.DefaultUser is { } defaultUser) (user, roles) = (defaultUser, Options.DefaultRoles);
        if (user.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        // The same claims as a real sign-in, so code reading them is tested as it runs (a page once read another claim type).
        var principal = StaffPrincipals.Create(user, roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            source: "test", stamp: null, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>Registers <see cref="TestSignInHandler"/> and points the staff policies' scheme at it.</summary>
public static class TestSignIn
{
    public static IServiceCollection AddTestStaffSignIn(this IServiceCollection services, Action<TestSignInOptions>? configure = null)
    {
        services.AddAuthentication().AddScheme<TestSignInOptions, TestSignInHandler>(TestSignInHandler.SchemeName, options => configure?.Invoke(options));
        services.PostConfigure<PolicySchemeOptions>(ChatService.Staff.StaffSchemes.Staff,
            options => options.ForwardDefaultSelector = _ => TestSignInHandler.SchemeName);
        return services;
    }

    /// <summary>Signs a request in as <paramref name="user"/> with <paramref name="roles"/> (comma-separated).</summary>
    public static void SignInAs(this HttpRequestMessage request, string user, string roles)
    {
        request.Headers.Add(TestSignInHandler.UserHeader, user);
        request.Headers.Add(TestSignInHandler.RolesHeader, roles);
    }
}
