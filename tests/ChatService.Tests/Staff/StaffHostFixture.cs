using ChatService.Tests.Operations;

namespace ChatService.Tests.Staff;

/// <summary>One service per test class, with accounts of each role created through the admin API.</summary>
public sealed class StaffHostFixture : IAsyncLifetime
{
    public const string Password = "staff-password-123";

    public KestrelHost Host { get; } = new(new Dictionary<string, string?> { ["Staff:Lockout:MaxFailedAttempts"] = "3" });

    public string AdminToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var client = Host.Client();
        AdminToken = await StaffClient.TokenAsync(client, "admin", KestrelHost.AdminPassword);
        await StaffClient.CreateUserAsync(client, AdminToken, "agent1", Password, "agent");
        await StaffClient.CreateUserAsync(client, AdminToken, "editor1", Password, "editor");
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
