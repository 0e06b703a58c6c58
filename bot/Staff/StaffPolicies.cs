namespace ChatService.Staff;

/// <summary>Authorization policy names besides the one-per-role policies named after <see cref="StaffRoles"/>.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member, whatever the role.</summary>
    public const string AnyStaff = "staff";
}
