namespace ChatService.Staff;

/// <summary>What a password sign-in came to. Callers show one generic message for every failure.</summary>
public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
}

/// <summary>The outcome of <see cref="StaffAccounts.SignInAsync"/>; <see cref="User"/> is set on success.</summary>
public sealed record SignInResult(SignInStatus Status, StaffUser? User = null);
