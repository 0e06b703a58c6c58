using System.Net;

namespace ChatService.Tests.Staff;

public sealed class StaffAdminApiTests(StaffHostFixture fixture) : IClassFixture<StaffHostFixture>
{
    private HttpClient Client => fixture.Host.Client();

    [Theory]
    [InlineData("new1", "short", "agent", HttpStatusCode.BadRequest)]
    [InlineData("new2", "long-enough-pass", "superuser", HttpStatusCode.BadRequest)]
    [InlineData("bad name!", "long-enough-pass", "agent", HttpStatusCode.BadRequest)]
    [InlineData("agent1", "long-enough-pass", "agent", HttpStatusCode.Conflict)]
    public async Task CreateUser_Invalid_ClearJsonError(string userName, string password, string role, HttpStatusCode expected)
    {
        using var response = await StaffClient.SendAsync(Client, HttpMethod.Post, "/api/staff/users", fixture.AdminToken,
            new { userName, password, roles = new[] { role } });

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty(await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task SetRoles_ReviewerToEditor_NewTokenHasNewRoleOldTokenRefused()
    {
        await StaffClient.CreateUserAsync(Client, fixture.AdminToken, "rolechange", StaffHostFixture.Password, "reviewer");
        var oldToken = await StaffClient.TokenAsync(Client, "rolechange", StaffHostFixture.Password);

        using var changed = await StaffClient.SendAsync(Client, HttpMethod.Put, "/api/staff/users/rolechange/roles", fixture.AdminToken, new { roles = new[] { "editor" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var stale = await StaffClient.SendAsync(Client, HttpMethod.Get, "/api/staff/me", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        using var fresh = await StaffClient.SendAsync(Client, HttpMethod.Get, "/api/staff/me", await StaffClient.TokenAsync(Client, "rolechange", StaffHostFixture.Password));
        Assert.Contains("\"roles\":[\"editor\"]", await fresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disable_User_TokensAndSignInRefused()
    {
        await StaffClient.CreateUserAsync(Client, fixture.AdminToken, "leaver", StaffHostFixture.Password, "agent");
        var token = await StaffClient.TokenAsync(Client, "leaver", StaffHostFixture.Password);

        using var disabled = await StaffClient.SendAsync(Client, HttpMethod.Post, "/api/staff/users/leaver/disable", fixture.AdminToken);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        using var withOldToken = await StaffClient.SendAsync(Client, HttpMethod.Get, "/api/staff/me", token);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        using var signIn = await StaffClient.RequestTokenAsync(Client, "leaver", StaffHostFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal("InvalidCredentials", await StaffClient.ErrorCodeAsync(signIn));
    }

    [Fact]
    public async Task ResetPassword_OldPasswordRefusedNewAccepted()
    {
        await StaffClient.CreateUserAsync(Client, fixture.AdminToken, "forgetful", StaffHostFixture.Password, "editor");

        using var reset = await StaffClient.SendAsync(Client, HttpMethod.Post, "/api/staff/users/forgetful/password", fixture.AdminToken, new { password = "brand-new-password-9" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        using var old = await StaffClient.RequestTokenAsync(Client, "forgetful", StaffHostFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await StaffClient.TokenAsync(Client, "forgetful", "brand-new-password-9");
    }

    [Fact]
    public async Task Disable_LastEnabledAdmin_409()
    {
        using var response = await StaffClient.SendAsync(Client, HttpMethod.Post, "/api/staff/users/admin/disable", fixture.AdminToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("LastAdmin", await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Admin_UnknownUser_404()
    {
        using var response = await StaffClient.SendAsync(Client, HttpMethod.Post, "/api/staff/users/ghost/disable", fixture.AdminToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Lockout_RepeatedWrongPasswords_RightPasswordRefusedUntilReset()
    {
        await StaffClient.CreateUserAsync(Client, fixture.AdminToken, "target", StaffHostFixture.Password, "agent");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await StaffClient.RequestTokenAsync(Client, "target", "wrong-password-123");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await StaffClient.RequestTokenAsync(Client, "target", StaffHostFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("InvalidCredentials", await StaffClient.ErrorCodeAsync(locked)); // same answer: lockout is not revealed

        using var reset = await StaffClient.SendAsync(Client, HttpMethod.Post, "/api/staff/users/target/password", fixture.AdminToken, new { password = "after-lockout-pass" });
        await StaffClient.TokenAsync(Client, "target", "after-lockout-pass");
    }
}
