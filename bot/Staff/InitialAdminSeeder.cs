using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChatService.Staff;

/// <summary>
/// On first run (no staff account yet) creates the admin from <c>Staff:InitialAdmin</c>. With no configured
/// password a strong one is generated and written to the log once, at Warning level; it is never shown again.
/// Later runs change nothing, whatever the configuration says.
/// </summary>
public sealed partial class InitialAdminSeeder(
    IStaffUserStore store, StaffAccounts accounts, IOptions<StaffOptions> options, StaffAudit audit, ILogger<InitialAdminSeeder> logger) : IHostedService
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!#%+=";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.InitialAdmin;
        var userName = settings.UserName.Trim();
        if (!UserNames.IsValid(userName))
            throw new InvalidOperationException("Staff:InitialAdmin:UserName must be 1–64 letters, digits or . _ - @.");
        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? RandomNumberGenerator.GetString(Alphabet, 24) : settings.Password;
        if (!generated && accounts.CheckPassword(password) is { } problem)
            throw new InvalidOperationException($"Staff:InitialAdmin:Password is not acceptable: {problem}");
        if (!await store.CreateIfEmptyAsync(accounts.NewUser(userName, password, [StaffRoles.Admin]), cancellationToken)) return;
        audit.UserCreated(userName, StaffRoles.Admin, "initial configuration");
        if (generated) LogGeneratedPassword(userName, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the initial staff admin '{UserName}' with the generated password {Password} . " +
        "This is the only time it is shown: sign in at /staff/login and reset it via /api/staff/users/{UserName}/password.")]
    private partial void LogGeneratedPassword(string userName, string password);
}
