using ChatService.Channels.Protocol;

namespace ChatService.Transcripts;

/// <summary>One stored activity of the in-memory store.</summary>
public sealed record InMemoryTranscriptRecord(Activity Activity, TranscriptDirection Direction, TranscriptEntry Entry);

/// <summary>A transcript store in memory, for tests and throwaway demos (<c>Transcripts:Store = memory</c>): lost on restart.</summary>
public sealed class InMemoryTranscriptStore(TranscriptEntryFactory entryFactory) : ITranscriptStore
{
    private readonly List<TranscriptEntry> _entries = [];
    private readonly Lock _gate = new();

    public InMemoryTranscriptStore() : this(new TranscriptEntryFactory(new Masking.PiiMasker(), null, TimeProvider.System)) { }

    /// <summary>What was stored, oldest first; <c>Activity</c> is the masked copy (the shape of the earlier (Activity, Direction) tuples).</summary>
    public IReadOnlyList<InMemoryTranscriptRecord> Entries
    {
        get
        {
            lock (_gate)
                return _entries.Select(e => new InMemoryTranscriptRecord(ProtocolJson.Deserialize<Activity>(e.MaskedActivityJson)!, e.Direction, e)).ToArray();
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default)
    {
        var entry = entryFactory.Create(activity, direction);
        lock (_gate) _entries.Add(entry with { Sequence = _entries.Count + 1 });
        return Task.CompletedTask;
    }

    public Task<ConversationPage> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        List<ConversationSummary> rows;
        lock (_gate)
        {
            rows = _entries.GroupBy(e => e.ConversationId).Select(Summarize)
                .Where(s => query.From is null || s.LastActivityAt >= query.From)
                .Where(s => query.To is null || s.FirstActivityAt <= query.To)
                .Where(s => query.ChannelId is null || s.ChannelId == query.ChannelId)
                .Where(s => query.Cursor is not { } c || s.LastActivityAt < c.LastActivityAt
                    || (s.LastActivityAt == c.LastActivityAt && string.CompareOrdinal(s.ConversationId, c.ConversationId) < 0))
                .OrderByDescending(s => s.LastActivityAt).ThenByDescending(s => s.ConversationId, StringComparer.Ordinal)
                .Take(query.Limit + 1).ToList();
        }
        return Task.FromResult(ConversationPaging.ToPage(rows, query.Limit));
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(_entries.Where(e => e.ConversationId == conversationId).ToArray());
    }

    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    private static ConversationSummary Summarize(IGrouping<string, TranscriptEntry> group)
    {
        var ordered = group.OrderBy(e => e.Sequence).ToList();
        bool IsMessage(TranscriptEntry e, TranscriptDirection d) => e.ActivityType == ActivityTypes.Message && e.Direction == d;
        return new ConversationSummary(
            group.Key, ordered[0].ChannelId, ordered.Min(e => e.RecordedAt), ordered.Max(e => e.RecordedAt), ordered.Count,
            ordered.Count(e => IsMessage(e, TranscriptDirection.Inbound)), ordered.Count(e => IsMessage(e, TranscriptDirection.Outbound)),
            ordered.LastOrDefault(e => e.Route is not null)?.Route);
    }
}
