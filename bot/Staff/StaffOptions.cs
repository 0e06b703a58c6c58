namespace ChatService.Staff;

/// <summary>The <c>Staff</c> section: staff accounts, sign-in, tokens and the optional OpenID Connect provider.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Created on first run, when the account store is empty. An empty password is generated and logged once.</summary>
    public InitialAdminSettings InitialAdmin { get; set; } = new();

    /// <summary>HMAC key for bearer tokens (at least 32 bytes of UTF-8). Empty = generated and kept in the data directory.</summary>
    public string TokenSigningKey { get; set; } = "";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    public int MinPasswordLength { get; set; } = PasswordPolicy.MinimumLength;

    public LockoutSettings Lockout { get; set; } = new();

    public OidcSettings Oidc { get; set; } = new();
}

/// <summary>The first admin account.</summary>
public sealed class InitialAdminSettings
{
    public string UserName { get; set; } = "admin";

    public string Password { get; set; } = "";
}

/// <summary>After <see cref="MaxFailedAttempts"/> wrong passwords in a row the account is locked for <see cref="Duration"/>.</summary>
public sealed class LockoutSettings
{
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>OpenID Connect sign-in; registered only when <see cref="Authority"/> is set.</summary>
public sealed class OidcSettings
{
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The ID token claim whose values name staff roles (values that are not staff roles are ignored).</summary>
    public string RoleClaim { get; set; } = "roles";
}
