using System.Net;
using System.Text.RegularExpressions;
using ChatService.Tests.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatService.Tests.Staff;

public sealed class InitialAdminTests
{
    [Fact]
    public async Task FirstRun_CreatesAdminFromConfiguration_LaterRunDoesNotOverwrite()
    {
        var dataDirectory = KestrelHost.NewDataDirectory();
        try
        {
            using (var first = new KestrelHost(new Dictionary<string, string?> { ["Staff:InitialAdmin:Password"] = "first-password-123" }, dataDirectory: dataDirectory))
            {
                await StaffClient.TokenAsync(first.Client(), "admin", "first-password-123");
                Assert.True(File.Exists(Path.Combine(dataDirectory, "staff.db")));
            }
            using var second = new KestrelHost(new Dictionary<string, string?> { ["Staff:InitialAdmin:Password"] = "second-password-456" }, dataDirectory: dataDirectory);
            var client = second.Client();
            await StaffClient.TokenAsync(client, "admin", "first-password-123");
            using var refused = await StaffClient.RequestTokenAsync(client, "admin", "second-password-456");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task FirstRun_EmptyPassword_GeneratesOneLoggedOnceAtWarning()
    {
        var dataDirectory = KestrelHost.NewDataDirectory();
        var settings = new Dictionary<string, string?> { ["Staff:InitialAdmin:Password"] = "" };
        try
        {
            var firstLogs = new CapturingLoggerProvider();
            using (var first = new KestrelHost(settings, s => s.AddSingleton<ILoggerProvider>(firstLogs), dataDirectory))
            {
                var warning = Assert.Single(firstLogs.Entries, e => e.Message.Contains("generated password"));
                Assert.Equal(LogLevel.Warning, warning.Level);
                var password = Regex.Match(warning.Message, @"generated password (\S+) ").Groups[1].Value;
                Assert.True(password.Length >= 20);
                await StaffClient.TokenAsync(first.Client(), "admin", password);
            }
            var secondLogs = new CapturingLoggerProvider();
            using var second = new KestrelHost(settings, s => s.AddSingleton<ILoggerProvider>(secondLogs), dataDirectory);
            using var _ = await second.Client().GetAsync("/healthz");
            Assert.DoesNotContain(secondLogs.Entries, e => e.Message.Contains("generated password"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
