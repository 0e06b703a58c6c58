using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatService.Staff;

/// <summary>Issues short-lived HMAC-SHA256 JWTs carrying a staff member's name, roles and security stamp.</summary>
public sealed class StaffTokenIssuer(StaffSigningKey signingKey, IOptions<StaffOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, TimeSpan Lifetime) Issue(StaffUser user)
    {
        var lifetime = options.Value.TokenLifetime;
        var now = time.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = StaffSchemes.Issuer,
            Audience = StaffSchemes.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = StaffPrincipals.Create(user, StaffSchemes.Bearer).Identities.First(),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, lifetime);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = StaffSchemes.Issuer,
        ValidAudience = StaffSchemes.Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = StaffSchemes.NameClaim,
        RoleClaimType = StaffSchemes.RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireExpirationTime = true,
    };
}
