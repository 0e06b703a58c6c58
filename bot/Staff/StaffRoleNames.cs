namespace ChatService.Staff;

/// <summary>Checks and normalizes role lists: only the four staff roles exist, so no other role can ever be granted.</summary>
public static class StaffRoleNames
{
    public static bool AreValid(IEnumerable<string>? roles) =>
        roles is not null && roles.All(r => StaffRoles.All.Contains(r.Trim().ToLowerInvariant()));

    public static string[] Normalize(IEnumerable<string> roles) =>
        roles.Select(r => r.Trim().ToLowerInvariant()).Where(StaffRoles.All.Contains).Distinct().Order(StringComparer.Ordinal).ToArray();
}
