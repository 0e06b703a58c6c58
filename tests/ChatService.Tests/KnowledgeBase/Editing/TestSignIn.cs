using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>Options of <see cref="TestSignInHandler"/>: who an unmarked request is (null = anonymous).</summary>
public sealed class TestSignInOptions : AuthenticationSchemeOptions
{
    public string? DefaultUser { get; set; }
    public string DefaultRoles { get; set; } = "";
}

/// <summary>
/// Stands in for the real staff sign-in (built on another branch) in tests only: the user name and roles come from
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
        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange(roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
