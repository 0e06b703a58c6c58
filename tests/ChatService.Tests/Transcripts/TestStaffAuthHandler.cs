using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Transcripts;

/// <summary>
/// STANDS IN FOR THE REAL STAFF SIGN-IN (tested on its own in Staff/), so review tests can pick any role. A request carrying
/// <c>X-Test-Role: reviewer</c> is signed in with that role; a request without it is anonymous. Registered only
/// in the test host.
/// </summary>
public sealed class TestStaffAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestStaff";
    public const string RoleHeader = "X-Test-Role";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RoleHeader, out var role) || string.IsNullOrEmpty(role))
            return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"test-{role}"), new Claim(ClaimTypes.Role, role!)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>Registers <see cref="TestStaffAuthHandler"/> and points the staff policies' scheme at it.</summary>
public static class TestStaffSignIn
{
    public static IServiceCollection AddTestStaffSignIn(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestStaffAuthHandler>(TestStaffAuthHandler.SchemeName, _ => { });
        services.PostConfigure<PolicySchemeOptions>(ChatService.Staff.StaffSchemes.Staff,
            options => options.ForwardDefaultSelector = _ => TestStaffAuthHandler.SchemeName);
        return services;
    }
}
