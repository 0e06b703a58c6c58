namespace ChatService.Staff;

/// <summary>The outcome of an admin change: done, or why not (shown to the admin as-is).</summary>
public sealed record AdminResult(int Status, string? Code = null, string? Message = null, StaffUser? User = null)
{
    public static AdminResult Ok(StaffUser user) => new(StatusCodes.Status200OK, User: user);
    public static AdminResult Invalid(string message) => new(StatusCodes.Status400BadRequest, "BadArgument", message);
    public static readonly AdminResult NotFound = new(StatusCodes.Status404NotFound, "NotFound", "No such staff account.");
    public static readonly AdminResult LastAdmin = new(StatusCodes.Status409Conflict, "LastAdmin", "This would leave no enabled admin.");
}

/// <summary>Account changes made by admins: create, set roles, disable/enable, reset password. Each is audited.</summary>
public sealed class StaffUserAdmin(IStaffUserStore store, StaffAccounts accounts, StaffAudit audit)
{
    public async Task<AdminResult> CreateAsync(string? userName, string? password, string[]? roles, string actor, CancellationToken cancellationToken)
    {
        if (!UserNames.IsValid(userName)) return AdminResult.Invalid("The user name must be 1–64 letters, digits or . _ - @.");
        if (!StaffRoleNames.AreValid(roles)) return AdminResult.Invalid($"Roles must be among: {string.Join(", ", StaffRoles.All)}.");
        if (accounts.CheckPassword(password) is { } problem) return AdminResult.Invalid(problem);
        var user = accounts.NewUser(userName!, password!, roles!);
        if (!await store.CreateAsync(user, cancellationToken))
            return new(StatusCodes.Status409Conflict, "UserExists", "A staff account with this user name exists.");
        audit.UserCreated(user.UserName, string.Join(',', user.Roles), actor);
        return new(StatusCodes.Status201Created, User: user);
    }

    public async Task<AdminResult> SetRolesAsync(string userName, string[]? roles, string actor, CancellationToken cancellationToken)
    {
        if (!StaffRoleNames.AreValid(roles)) return AdminResult.Invalid($"Roles must be among: {string.Join(", ", StaffRoles.All)}.");
        var user = await store.FindAsync(userName, cancellationToken);
        if (user is null) return AdminResult.NotFound;
        var changed = user with { Roles = StaffRoleNames.Normalize(roles!), SecurityStamp = StaffUser.NewStamp() };
        if (IsEnabledAdmin(user) && !IsEnabledAdmin(changed) && await IsLastEnabledAdminAsync(cancellationToken)) return AdminResult.LastAdmin;
        if (!await store.UpdateAsync(changed, cancellationToken)) return AdminResult.NotFound;
        audit.RolesChanged(changed.UserName, string.Join(',', changed.Roles), actor);
        return AdminResult.Ok(changed);
    }

    public async Task<AdminResult> SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken cancellationToken)
    {
        var user = await store.FindAsync(userName, cancellationToken);
        if (user is null) return AdminResult.NotFound;
        if (disabled && IsEnabledAdmin(user) && await IsLastEnabledAdminAsync(cancellationToken)) return AdminResult.LastAdmin;
        var changed = user with { Disabled = disabled, SecurityStamp = StaffUser.NewStamp() };
        if (!await store.UpdateAsync(changed, cancellationToken)) return AdminResult.NotFound;
        audit.StatusChanged(changed.UserName, disabled ? "disabled" : "enabled", actor);
        return AdminResult.Ok(changed);
    }

    public async Task<AdminResult> ResetPasswordAsync(string userName, string? password, string actor, CancellationToken cancellationToken)
    {
        if (accounts.CheckPassword(password) is { } problem) return AdminResult.Invalid(problem);
        var user = await store.FindAsync(userName, cancellationToken);
        if (user is null) return AdminResult.NotFound;
        var changed = user with
        {
            PasswordHash = StaffPasswordHasher.Hash(password!), FailedAttempts = 0, LockoutEnd = null, SecurityStamp = StaffUser.NewStamp(),
        };
        if (!await store.UpdateAsync(changed, cancellationToken)) return AdminResult.NotFound;
        audit.PasswordReset(changed.UserName, actor);
        return AdminResult.Ok(changed);
    }

    private static bool IsEnabledAdmin(StaffUser user) => !user.Disabled && user.Roles.Contains(StaffRoles.Admin);

    private async Task<bool> IsLastEnabledAdminAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Count(IsEnabledAdmin) <= 1;
}
