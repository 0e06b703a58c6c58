using System.Net;
using System.Security.Claims;
using ChatService.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Staff;

public sealed class StaffRoleEnforcementTests(StaffHostFixture fixture) : IClassFixture<StaffHostFixture>
{
    [Theory]
    [InlineData("/api/staff/me")]
    [InlineData("/api/staff/users")]
    public async Task Api_Anonymous_401Json(string path)
    {
        using var response = await fixture.Host.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task UsersApi_AgentToken_403Json()
    {
        var token = await StaffClient.TokenAsync(fixture.Host.Client(), "agent1", StaffHostFixture.Password);

        using var response = await StaffClient.SendAsync(fixture.Host.Client(), HttpMethod.Get, "/api/staff/users", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Me_AgentToken_200WithRoles()
    {
        var token = await StaffClient.TokenAsync(fixture.Host.Client(), "agent1", StaffHostFixture.Password);

        using var response = await StaffClient.SendAsync(fixture.Host.Client(), HttpMethod.Get, "/api/staff/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"roles\":[\"agent\"]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UsersApi_AdminToken_200()
    {
        using var response = await StaffClient.SendAsync(fixture.Host.Client(), HttpMethod.Get, "/api/staff/users", fixture.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"userName\":\"agent1\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffPage_AnonymousBrowser_RedirectsToLogin()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff/");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await fixture.Host.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/login?returnUrl=%2Fstaff%2F", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("agent", "agent", true)]
    [InlineData("editor", "agent", false)]
    [InlineData("reviewer", "editor", false)]
    [InlineData("admin", "agent", true)]
    [InlineData("admin", "editor", true)]
    [InlineData("admin", "reviewer", true)]
    [InlineData("admin", "admin", true)]
    [InlineData("agent", "admin", false)]
    [InlineData("customer", "agent", false)]
    public async Task Policy_Role_AdminPassesAllOthersOnlyTheirOwn(string role, string policy, bool allowed)
    {
        var authorization = fixture.Host.Services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", role)], "test", "name", "role"));

        var result = await authorization.AuthorizeAsync(user, resource: null, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public void StaffPrincipals_UnknownRoles_AreNeverGranted()
    {
        var principal = StaffPrincipals.Create("x", ["customer", "admin ", "Agent", "root"], StaffPrincipals.Local, "s", "test");

        Assert.Equal(["admin", "agent"], principal.FindAll("role").Select(c => c.Value).Order());
    }
}
