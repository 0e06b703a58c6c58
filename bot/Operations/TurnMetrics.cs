using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace ChatService.Operations;

/// <summary>
/// The turn metrics of the Meter "ChatService", tagged by channel: turns, turn latency (ms), turn errors,
/// and conversations active within <see cref="MetricsSettings.ActiveConversationWindow"/>.
/// </summary>
public sealed class TurnMetrics
{
    public const string MeterName = "ChatService";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly ConcurrentDictionary<string, (string Channel, long LastTurn)> _conversations = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _activeWindow;
    private long _recorded;

    public TurnMetrics(IMeterFactory meterFactory, TimeProvider time, IOptions<OperationsOptions> options)
    {
        _time = time;
        _activeWindow = options.Value.Metrics.ActiveConversationWindow;
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("chatservice.turns", "{turn}", "Turns processed");
        _duration = meter.CreateHistogram<double>("chatservice.turn.duration", "ms", "Time from a turn's start to its end");
        _errors = meter.CreateCounter<long>("chatservice.turn.errors", "{error}", "Turns that ended with an error");
        meter.CreateObservableGauge("chatservice.conversations.active", ObserveActive, "{conversation}", "Conversations with a turn in the active window");
    }

    /// <summary>Records one finished turn (failed or not).</summary>
    public void TurnCompleted(string? conversationId, string? channel, double elapsedMilliseconds, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel ?? "unknown");
        _turns.Add(1, tag);
        _duration.Record(elapsedMilliseconds, tag);
        if (failed) _errors.Add(1, tag);
        if (conversationId is not null)
            _conversations[conversationId] = (channel ?? "unknown", _time.GetTimestamp());
        if (Interlocked.Increment(ref _recorded) % 4096 == 0) CountActive(); // bounded memory even if nobody scrapes
    }

    private IEnumerable<Measurement<long>> ObserveActive() =>
        CountActive().Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("channel", c.Key)));

    /// <summary>Active conversations per channel; forgets the ones idle longer than the window.</summary>
    private Dictionary<string, long> CountActive()
    {
        var now = _time.GetTimestamp();
        var counts = new Dictionary<string, long>();
        foreach (var (conversationId, (channel, lastTurn)) in _conversations)
        {
            if (_time.GetElapsedTime(lastTurn, now) > _activeWindow)
            {
                _conversations.TryRemove(new(conversationId, (channel, lastTurn))); // only if untouched since read
                continue;
            }
            counts[channel] = counts.GetValueOrDefault(channel) + 1;
        }
        return counts;
    }
}
