using System.Security.Claims;

namespace ChatService.Staff;

/// <summary>Builds the claims of a signed-in staff member, the same for cookies and bearer tokens.</summary>
public static class StaffPrincipals
{
    public const string Local = "local";
    public const string Oidc = "oidc";

    public static ClaimsPrincipal Create(string userName, IEnumerable<string> roles, string source, string? stamp, string authenticationType)
    {
        var claims = new List<Claim> { new("sub", userName), new(StaffSchemes.NameClaim, userName), new(StaffSchemes.SourceClaim, source) };
        if (stamp is not null) claims.Add(new(StaffSchemes.StampClaim, stamp));
        claims.AddRange(StaffRoleNames.Normalize(roles).Select(role => new Claim(StaffSchemes.RoleClaim, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, StaffSchemes.NameClaim, StaffSchemes.RoleClaim));
    }

    public static ClaimsPrincipal Create(StaffUser user, string authenticationType) =>
        Create(user.UserName, user.Roles, Local, user.SecurityStamp, authenticationType);

    public static string Actor(ClaimsPrincipal principal) => principal.FindFirstValue(StaffSchemes.NameClaim) ?? "unknown";

    /// <summary>True when a local account's session still matches the store: account exists, enabled, same stamp.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IStaffUserStore store, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(StaffSchemes.SourceClaim) != Local) return true; // OIDC sessions are the provider's to end
        var userName = principal.FindFirstValue(StaffSchemes.NameClaim);
        if (userName is null) return false;
        var user = await store.FindAsync(userName, cancellationToken);
        return user is { Disabled: false } && user.SecurityStamp == principal.FindFirstValue(StaffSchemes.StampClaim);
    }
}
