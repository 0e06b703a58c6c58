namespace ChatService.Staff;

/// <summary>The audit trail of staff sign-ins and account changes: structured log lines under the category <c>ChatService.Staff.Audit</c>.</summary>
public sealed partial class StaffAudit(ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("ChatService.Staff.Audit");

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Staff sign-in succeeded: {UserName} via {Method} from {RemoteIp}")]
    public partial void SignInSucceeded(string userName, string method, string? remoteIp);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Staff sign-in failed: {UserName} via {Method} from {RemoteIp} ({Reason})")]
    public partial void SignInFailed(string userName, string method, string? remoteIp, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Staff account locked out: {UserName} after repeated failures from {RemoteIp}")]
    public partial void LockedOut(string userName, string? remoteIp);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Staff account created: {UserName} with roles {Roles} by {Actor}")]
    public partial void UserCreated(string userName, string roles, string actor);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Staff roles changed: {UserName} now {Roles} by {Actor}")]
    public partial void RolesChanged(string userName, string roles, string actor);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Staff account {Status}: {UserName} by {Actor}")]
    public partial void StatusChanged(string userName, string status, string actor);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Staff password reset: {UserName} by {Actor}")]
    public partial void PasswordReset(string userName, string actor);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "Staff sign-out: {UserName}")]
    public partial void SignedOut(string userName);
}
