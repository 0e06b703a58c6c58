using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatService.Tests.Staff;

public sealed class StaffTokenTests(StaffHostFixture fixture) : IClassFixture<StaffHostFixture>
{
    [Fact]
    public async Task Token_RightPassword_ShortLivedJwtWithRoleClaims()
    {
        var token = await StaffClient.TokenAsync(fixture.Host.Client(), "agent1", StaffHostFixture.Password);

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
        Assert.Equal("HS256", jwt.Header.Alg);
        Assert.Equal(["agent"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal("agent1", jwt.Claims.Single(c => c.Type == "name").Value);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("agent1", "wrong-password-123")]
    [InlineData("nobody", "wrong-password-123")]
    public async Task Token_BadCredentials_401WithOneGenericError(string userName, string password)
    {
        using var response = await StaffClient.RequestTokenAsync(fixture.Host.Client(), userName, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("InvalidCredentials", await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Me_TokenSignedWithAnotherKey_401()
    {
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "ChatService", Audience = "ChatService.Staff", Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["name"] = "admin", ["role"] = "admin", ["source"] = "local" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))), SecurityAlgorithms.HmacSha256),
        });

        using var response = await StaffClient.SendAsync(fixture.Host.Client(), HttpMethod.Get, "/api/staff/me", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_SigningKey_PersistedInDataDirectory()
    {
        await StaffClient.TokenAsync(fixture.Host.Client(), "agent1", StaffHostFixture.Password);

        Assert.True(File.Exists(Path.Combine(fixture.Host.DataDirectory, "staff-token.key")));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(fixture.Host.DataDirectory, "staff-token.key")));
    }
}
