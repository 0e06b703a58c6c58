namespace ChatService.Staff;

/// <summary>The staff account store.</summary>
public interface IStaffUserStore
{
    /// <summary>The account, looked up case-insensitively, or null.</summary>
    Task<StaffUser?> FindAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the account; false when the user name is taken.</summary>
    Task<bool> CreateAsync(StaffUser user, CancellationToken cancellationToken = default);

    /// <summary>Adds the account only if the store has no account at all (first run); false otherwise.</summary>
    Task<bool> CreateIfEmptyAsync(StaffUser user, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored password hash, roles, status and stamp; false when the account is gone.</summary>
    Task<bool> UpdateAsync(StaffUser user, CancellationToken cancellationToken = default);

    /// <summary>Counts one failed sign-in; at <paramref name="maxAttempts"/> the account locks until <paramref name="lockoutEnd"/>. Returns true when it just locked.</summary>
    Task<bool> RecordFailureAsync(string userName, int maxAttempts, DateTimeOffset lockoutEnd, CancellationToken cancellationToken = default);

    /// <summary>Clears the failure count and any lockout.</summary>
    Task RecordSuccessAsync(string userName, CancellationToken cancellationToken = default);
}
