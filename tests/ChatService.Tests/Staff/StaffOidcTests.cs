using System.Security.Claims;
using ChatService.Staff;
using ChatService.Tests.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Staff;

// No identity provider can run here, so these check registration and role mapping, not a real OIDC round trip.
public sealed class StaffOidcTests
{
    [Fact]
    public async Task Oidc_NotConfigured_SchemeNotRegistered()
    {
        using var host = new KestrelHost();

        var schemes = host.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetSchemeAsync(StaffSchemes.Oidc));
    }

    [Fact]
    public async Task Oidc_AuthorityConfigured_SchemeRegistered()
    {
        using var host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Staff:Oidc:Authority"] = "https://login.example.test/tenant/v2.0",
            ["Staff:Oidc:ClientId"] = "chatservice",
            ["Staff:Oidc:ClientSecret"] = "secret",
        });

        var schemes = host.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.NotNull(await schemes.GetSchemeAsync(StaffSchemes.Oidc));
    }

    [Fact]
    public void MapRoles_ProviderRoles_OnlyStaffRolesKept()
    {
        var external = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("groups", "Agent"), new Claim("groups", "customer"), new Claim("groups", "Domain Admins"), new Claim("roles", "admin")], "oidc"));

        Assert.Equal(["agent"], StaffOidc.MapRoles(external, "groups"));
    }
}
