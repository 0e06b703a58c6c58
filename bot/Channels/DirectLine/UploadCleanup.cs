using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Deletes uploads once their links have expired (links live as long as a conversation, <c>State:ConversationTimeToLive</c>),
/// so the upload folder does not grow forever. Runs hourly; several instances sweeping the same folder is harmless.
/// </summary>
public sealed partial class UploadCleanup(IUploadStore files, IOptions<StateOptions> stateOptions, TimeProvider clock,
    ILogger<UploadCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never sweep on the start-up path
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var deleted = files.DeleteOlderThan(clock.GetUtcNow() - stateOptions.Value.ConversationTimeToLive);
                if (deleted > 0) LogDeleted(deleted);
            }
            catch (IOException ex)
            {
                LogFailed(ex);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired Direct Line upload(s)")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean up expired Direct Line uploads")]
    private partial void LogFailed(Exception ex);
}
