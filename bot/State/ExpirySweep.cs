namespace ChatService.State;

/// <summary>
/// Says when an in-memory store should sweep out expired entries: at most once a minute, on a write, so
/// idle conversations leave memory without a timer of their own.
/// </summary>
public sealed class ExpirySweep(TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private long _nextTicks = clock.GetUtcNow().Add(Interval).UtcTicks;

    public bool IsDue()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextTicks);
        return now >= next && Interlocked.CompareExchange(ref _nextTicks, now + Interval.Ticks, next) == next;
    }
}
