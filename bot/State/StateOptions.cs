namespace ChatService.State;

/// <summary>The <c>State</c> section: how long idle conversations are kept and how turn locks behave.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>Idle conversations (state, Direct Line stream) expire after this long.</summary>
    public TimeSpan ConversationTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A turn lock that is not renewed is released after this long.</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a turn waits for the lock before giving up.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(30);
}
