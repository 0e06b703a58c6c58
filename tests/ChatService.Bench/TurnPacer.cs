using System.Diagnostics;

namespace ChatService.Bench;

/// <summary>
/// Paces one conversation's turns at a fixed rate (none: back-to-back). The conversations' first turns are spread
/// over one interval so they don't all fire together; a late turn is not made up for with a burst.
/// </summary>
internal sealed class TurnPacer(double ratePerConversation, int index, int conversations)
{
    private readonly long _interval = ratePerConversation > 0 ? (long)(Stopwatch.Frequency / ratePerConversation) : 0;
    private long _next = -1;

    public async Task WaitAsync()
    {
        if (_interval == 0) return;
        if (_next < 0) _next = Stopwatch.GetTimestamp() + _interval * index / Math.Max(1, conversations);
        var wait = _next - Stopwatch.GetTimestamp();
        if (wait > 0) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
        _next = Math.Max(_next + _interval, Stopwatch.GetTimestamp());
    }
}
