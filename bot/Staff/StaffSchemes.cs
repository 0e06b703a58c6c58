namespace ChatService.Staff;

/// <summary>Authentication scheme and claim names of staff sign-in.</summary>
public static class StaffSchemes
{
    /// <summary>The policy scheme staff endpoints use: bearer when an Authorization header is sent, else the cookie.</summary>
    public const string Staff = "Staff";
    public const string Cookie = "StaffCookie";
    public const string Bearer = "StaffBearer";
    public const string Oidc = "StaffOidc";

    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    /// <summary>Changes whenever the account's password, roles or status change; older sessions and tokens stop working.</summary>
    public const string StampClaim = "stamp";
    /// <summary><c>local</c> (our account store) or <c>oidc</c>.</summary>
    public const string SourceClaim = "source";

    public const string Issuer = "ChatService";
    public const string Audience = "ChatService.Staff";
}
