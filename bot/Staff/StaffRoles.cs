namespace ChatService.Staff;

/// <summary>The staff roles. Each is also the name of the authorization policy that requires it (admin passes every policy).</summary>
public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static readonly string[] All = [Agent, Editor, Reviewer, Admin];
}
