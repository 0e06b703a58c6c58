using Microsoft.Extensions.Options;

namespace ChatService.Staff;

/// <summary>Password sign-in with lockout, and the account changes admins make. Every outcome is audited.</summary>
public sealed class StaffAccounts(IStaffUserStore store, IOptions<StaffOptions> options, TimeProvider time, StaffAudit audit)
{
    // Verified when the user name is unknown, so the answer takes as long as for a real account.
    private static readonly Lazy<string> DummyHash = new(() => StaffPasswordHasher.Hash(Guid.NewGuid().ToString()));
    private static readonly SemaphoreSlim Hashing = new(Environment.ProcessorCount);

    public async Task<SignInResult> SignInAsync(string userName, string password, string method, string? remoteIp, CancellationToken cancellationToken)
    {
        var user = UserNames.IsValid(userName) ? await store.FindAsync(userName, cancellationToken) : null;
        // Always one hash verification, so neither an unknown name nor a lockout shows in the response time.
        var passwordMatches = await VerifyAsync(user?.PasswordHash ?? DummyHash.Value, password, cancellationToken) && user is not null;
        if (user is null)
        {
            audit.SignInFailed(userName, method, remoteIp, "unknown user");
            return new(SignInStatus.Failed);
        }
        var now = time.GetUtcNow();
        if (user.IsLockedOut(now))
        {
            audit.SignInFailed(user.UserName, method, remoteIp, "locked out");
            return new(SignInStatus.LockedOut);
        }
        if (!passwordMatches)
        {
            var lockout = options.Value.Lockout;
            var locked = await store.RecordFailureAsync(user.UserName, Math.Max(1, lockout.MaxFailedAttempts), now + lockout.Duration, cancellationToken);
            audit.SignInFailed(user.UserName, method, remoteIp, "wrong password");
            if (locked) audit.LockedOut(user.UserName, remoteIp);
            return new(locked ? SignInStatus.LockedOut : SignInStatus.Failed);
        }
        if (user.Disabled)
        {
            audit.SignInFailed(user.UserName, method, remoteIp, "disabled");
            return new(SignInStatus.Disabled);
        }
        await store.RecordSuccessAsync(user.UserName, cancellationToken);
        if (StaffPasswordHasher.NeedsRehash(user.PasswordHash))
            await store.UpdateAsync(user with { PasswordHash = StaffPasswordHasher.Hash(password) }, cancellationToken);
        audit.SignInSucceeded(user.UserName, method, remoteIp);
        return new(SignInStatus.Succeeded, user);
    }

    /// <summary>A verification costs ~0.3 s of CPU: at most one per core at a time, so a sign-in flood cannot starve turns.</summary>
    private static async Task<bool> VerifyAsync(string encoded, string password, CancellationToken cancellationToken)
    {
        await Hashing.WaitAsync(cancellationToken);
        try
        {
            return StaffPasswordHasher.Verify(encoded, password);
        }
        finally
        {
            Hashing.Release();
        }
    }

    /// <summary>A new account with a checked password and known roles.</summary>
    public StaffUser NewUser(string userName, string password, IEnumerable<string> roles) => new(
        userName, StaffPasswordHasher.Hash(password), StaffRoleNames.Normalize(roles), Disabled: false, FailedAttempts: 0,
        LockoutEnd: null, StaffUser.NewStamp(), time.GetUtcNow());

    public string? CheckPassword(string? password) => PasswordPolicy.Check(password, options.Value.MinPasswordLength);
}
