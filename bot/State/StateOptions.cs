namespace ChatService.State;

/// <summary>The <c>State</c> section: how long idle conversations are kept and how turn locks behave.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>
    /// Idle conversations expire after this long: writers pass it as the time-to-live of conversation state
    /// and of Direct Line streams (each write or append restarts it), in memory and in Redis alike. Turn locks
    /// leave nothing behind: a Redis lock key lives at most <see cref="LockLease"/>.
    /// </summary>
    public TimeSpan ConversationTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A turn lock that is not renewed (its instance died) is released after this long; a live holder renews it every third of it.</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a turn waits for the lock before giving up.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(30);
}
