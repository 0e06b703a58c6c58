using ChatService.Tests.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatService.Tests.Staff;

public sealed class StaffAuditTests
{
    [Fact]
    public async Task SignInsAndAdminChanges_WriteStructuredAuditLines()
    {
        var logs = new CapturingLoggerProvider();
        using var host = new KestrelHost(services: s => s.AddSingleton<ILoggerProvider>(logs));
        var client = host.Client();

        (await StaffClient.RequestTokenAsync(client, "admin", "not-the-password")).Dispose();
        var adminToken = await StaffClient.TokenAsync(client, "admin", KestrelHost.AdminPassword);
        await StaffClient.CreateUserAsync(client, adminToken, "audited", "audited-password-1", "reviewer");
        (await StaffClient.SendAsync(client, HttpMethod.Post, "/api/staff/users/audited/disable", adminToken)).Dispose();

        var audit = logs.Entries.Where(e => e.Category == "ChatService.Staff.Audit").ToList();
        Assert.Contains(audit, e => e.EventId.Id == 1002 && e.Level == LogLevel.Warning && e.Message.Contains("admin") && e.Message.Contains("wrong password"));
        Assert.Contains(audit, e => e.EventId.Id == 1001 && e.Message.Contains("admin"));
        Assert.Contains(audit, e => e.EventId.Id == 1010 && e.Message.Contains("audited") && e.Message.Contains("by admin"));
        Assert.Contains(audit, e => e.EventId.Id == 1012 && e.Message.Contains("disabled: audited by admin"));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("not-the-password") || e.Message.Contains("audited-password-1"));
    }
}
