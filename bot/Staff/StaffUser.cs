namespace ChatService.Staff;

/// <summary>A staff account as stored. <see cref="SecurityStamp"/> changes with password, roles or status.</summary>
public sealed record StaffUser(
    string UserName,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    bool Disabled,
    int FailedAttempts,
    DateTimeOffset? LockoutEnd,
    string SecurityStamp,
    DateTimeOffset CreatedAt)
{
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    public static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
