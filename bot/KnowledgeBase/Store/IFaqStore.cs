using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Store;

/// <summary>An entry as the store holds it: the working copy editors change, and the copy customers see (if any).</summary>
/// <param name="Working">The working copy; its <see cref="FaqEntry.Status"/> is the workflow status, its version the ETag.</param>
/// <param name="Published">The live copy, or null when never published or retired.</param>
/// <param name="LastAuthor">Who last changed the working copy's content (the four-eyes rule compares approvers with this).</param>
public sealed record StoredEntry(FaqEntry Working, FaqEntry? Published, string LastAuthor)
{
    public string Id => Working.Id;
    public int Version => Working.Version;
}

/// <summary>One changed field: its name and its text before and after ("" when absent).</summary>
public sealed record FaqFieldChange(string Field, string Before, string After);

/// <summary>An audit record: who did what to which entry, when, and what changed.</summary>
public sealed record FaqAuditRecord(long Sequence, string EntryId, string Action, string By, DateTimeOffset At, int Version, IReadOnlyList<FaqFieldChange> Diff);

/// <summary>A version of an entry's working copy as it was saved.</summary>
public sealed record FaqEntryVersion(FaqEntry Entry, string Action, string By, DateTimeOffset At, bool WasPublished);

/// <summary>One write of an entry: its new state, the version it must still have, and the audit record.</summary>
/// <param name="ExpectedVersion">The version the stored entry must have; 0 = the entry must not exist yet.</param>
public sealed record FaqEntryWrite(StoredEntry Entry, int ExpectedVersion, string Action, string By, IReadOnlyList<FaqFieldChange> Diff);

/// <summary>One publish: its number, who triggered it, when, and how many entries were live in its snapshot.</summary>
public sealed record FaqPublish(long Number, string By, DateTimeOffset At, int Entries);

/// <summary>Filters for the audit log; null = any.</summary>
public sealed record FaqAuditQuery(string? EntryId = null, string? By = null, string? Action = null, DateTimeOffset? Since = null, int Limit = 200);

/// <summary>
/// The knowledge base's source of truth at run time: entries with their working and published copies, every saved
/// version, the audit log and a numbered snapshot per publish. Writes are all-or-nothing.
/// </summary>
public interface IFaqStore
{
    /// <summary>Creates the schema if needed. Returns true when the store holds no entries yet (seed it).</summary>
    Task<bool> InitializeAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredEntry>> ListAsync(CancellationToken cancellationToken = default);

    Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies every write in one transaction, or none: if any entry's stored version differs from its expected version,
    /// throws <see cref="FaqVersionConflictException"/> and changes nothing. With <paramref name="publish"/> the publish
    /// number goes up by one and a snapshot of every published entry is kept.
    /// </summary>
    /// <returns>The publish number after the write.</returns>
    Task<long> WriteAsync(IReadOnlyList<FaqEntryWrite> writes, bool publish, CancellationToken cancellationToken = default);

    /// <summary>The number of the latest publish (0 = never published).</summary>
    Task<long> PublishNumberAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest publishes, newest first.</summary>
    Task<IReadOnlyList<FaqPublish>> PublishesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Every saved version of an entry, oldest first.</summary>
    Task<IReadOnlyList<FaqEntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Audit records, newest first.</summary>
    Task<IReadOnlyList<FaqAuditRecord>> AuditAsync(FaqAuditQuery query, CancellationToken cancellationToken = default);
}

/// <summary>The entry changed since the caller read it. <see cref="Current"/> is what is stored now (null: it does not exist).</summary>
public sealed class FaqVersionConflictException(string entryId, StoredEntry? current)
    : Exception($"The entry '{entryId}' was changed by someone else.")
{
    public string EntryId { get; } = entryId;
    public StoredEntry? Current { get; } = current;
}
