using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Store;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>
/// The editors' workflow: draft → review → approved (by a different editor) → published, retire, rollback. Every
/// change is one versioned, audited store write; publishing changes also reach every instance's searcher.
/// </summary>
public sealed class FaqWorkflow(IFaqStore store, KnowledgeBaseSync sync, TimeProvider clock)
{
    public async Task<StoredEntry> CreateAsync(FaqEntryInput input, string by, CancellationToken cancellationToken)
    {
        var id = input.Id?.Trim() ?? "";
        ThrowIfInvalid(input.Problems(id));
        var entry = input.ToEntry(id, FaqStatuses.Draft, 1, Change(by));
        try
        {
            return await WriteAsync(new StoredEntry(entry, null, by), 0, "create", by, null, cancellationToken);
        }
        catch (FaqVersionConflictException)
        {
            throw new FaqEditException(StatusCodes.Status409Conflict, $"An entry '{id}' already exists; choose another id.");
        }
    }

    /// <summary>Saves a new working copy; it goes back to draft, so an edited entry needs a fresh approval.</summary>
    public async Task<StoredEntry> UpdateAsync(string id, FaqEntryInput input, int expectedVersion, string by, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(input.Problems(id));
        var current = await GetAsync(id, cancellationToken);
        var entry = input.ToEntry(id, FaqStatuses.Draft, current.Version + 1, Change(by));
        return await WriteAsync(current with { Working = entry, LastAuthor = by }, expectedVersion, "update", by, current.Working, cancellationToken);
    }

    public async Task<StoredEntry> SubmitAsync(string id, int? expectedVersion, string by, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.Working.Status != FaqStatuses.Draft) throw FaqEditException.WrongStatus(id, current.Working.Status, "submit", FaqStatuses.Draft);
        return await TransitionAsync(current, FaqStatuses.Review, "submit", expectedVersion, by, cancellationToken);
    }

    public async Task<StoredEntry> ApproveAsync(string id, int? expectedVersion, string by, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.Working.Status != FaqStatuses.Review) throw FaqEditException.WrongStatus(id, current.Working.Status, "approve", FaqStatuses.Review);
        if (string.Equals(current.LastAuthor, by, StringComparison.OrdinalIgnoreCase))
            throw new FaqEditException(StatusCodes.Status403Forbidden,
                $"Four-eyes rule: {by} wrote the last change to '{id}', so another editor must approve it.");
        return await TransitionAsync(current, FaqStatuses.Approved, "approve", expectedVersion, by, cancellationToken);
    }

    public async Task<StoredEntry> PublishAsync(string id, int? expectedVersion, string by, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.Working.Status != FaqStatuses.Approved) throw FaqEditException.WrongStatus(id, current.Working.Status, "publish", FaqStatuses.Approved);
        var next = current.Working with { Status = FaqStatuses.Published, Version = current.Version + 1, LastChange = Change(by) };
        await ValidatePublishedSetAsync(id, next, cancellationToken);
        return await WriteAsync(current with { Working = next, Published = next }, expectedVersion ?? current.Version, "publish", by, current.Working, cancellationToken, publish: true);
    }

    /// <summary>Takes the entry out of service; refused while live entries still offer it as a follow-up.</summary>
    public async Task<StoredEntry> RetireAsync(string id, int? expectedVersion, string by, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.Working.Status == FaqStatuses.Retired) throw FaqEditException.WrongStatus(id, current.Working.Status, "retire", "not retired");
        var linking = (await store.ListAsync(cancellationToken))
            .Where(e => e.Id != id && e.Published is { } p && p.FollowUps.Contains(id)).Select(e => e.Id).ToList();
        if (linking.Count > 0)
            throw new FaqEditException(StatusCodes.Status400BadRequest, $"Cannot retire '{id}': published entries offer it as a follow-up.",
                linking.Select(l => $"{l}: remove the follow-up '{id}' first").ToList());
        var next = current.Working with { Status = FaqStatuses.Retired, Version = current.Version + 1, LastChange = Change(by) };
        return await WriteAsync(current with { Working = next, Published = null }, expectedVersion ?? current.Version, "retire", by,
            current.Working, cancellationToken, publish: current.Published is not null);
    }

    /// <summary>
    /// Restores a saved version as a new version. A version that was once published was approved then, so it goes live
    /// at once (the one-click undo of a bad publish); any other version comes back as a draft.
    /// </summary>
    public async Task<StoredEntry> RollbackAsync(string id, int version, string by, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        var target = (await store.HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.Entry.Version == version)
            ?? throw new FaqEditException(StatusCodes.Status404NotFound, $"'{id}' has no version {version}.");
        var status = target.WasPublished ? FaqStatuses.Published : FaqStatuses.Draft;
        var next = target.Entry with { Status = status, Version = current.Version + 1, LastChange = Change(by) };
        if (target.WasPublished) await ValidatePublishedSetAsync(id, next, cancellationToken);
        var stored = new StoredEntry(next, target.WasPublished ? next : current.Published, by);
        return await WriteAsync(stored, current.Version, $"rollback to v{version}", by, current.Working, cancellationToken, publish: target.WasPublished);
    }

    /// <summary>
    /// Adds a customer's phrasing (from the inbox) to an entry. It is a content change like any edit: a new draft version
    /// that needs review. A zh-Hant phrasing goes to zh-Hans (converted) unless the entry has a zh-Hant override.
    /// </summary>
    public async Task<StoredEntry> AddAlternateAsync(string id, string language, string phrase, string by, CancellationToken cancellationToken)
    {
        phrase = phrase.Trim();
        if (phrase.Length == 0) throw new FaqEditException(StatusCodes.Status400BadRequest, "The phrasing is empty.");
        var current = await GetAsync(id, cancellationToken);
        if (current.Working.Status == FaqStatuses.Retired) throw FaqEditException.WrongStatus(id, FaqStatuses.Retired, "add a phrasing to", "not retired");
        var target = language;
        if (language == FaqLanguages.Traditional && !current.Working.Content.ContainsKey(FaqLanguages.Traditional))
            (target, phrase) = (FaqLanguages.Simplified, Nlu.ScriptConverter.ToSimplified(phrase));
        if (!current.Working.Content.TryGetValue(target, out var content))
            throw new FaqEditException(StatusCodes.Status400BadRequest, $"'{id}' has no {language} version to add the phrasing to.");
        if (content.Alternates.Contains(phrase, StringComparer.OrdinalIgnoreCase))
            throw new FaqEditException(StatusCodes.Status409Conflict, $"'{id}' already has the phrasing \"{phrase}\".");
        var contents = current.Working.Content.ToDictionary(c => c.Key, c => c.Value);
        contents[target] = content with { Alternates = [.. content.Alternates, phrase] };
        var next = current.Working with { Content = contents, Status = FaqStatuses.Draft, Version = current.Version + 1, LastChange = Change(by) };
        return await WriteAsync(current with { Working = next, LastAuthor = by }, current.Version, "add phrasing from inbox", by, current.Working, cancellationToken);
    }

    private async Task ValidatePublishedSetAsync(string id, FaqEntry next, CancellationToken cancellationToken)
    {
        // The live entries, plus the retired ones so that a follow-up to one is reported as retired, not missing.
        var published = (await store.ListAsync(cancellationToken)).Where(e => e.Id != id)
            .Select(e => e.Published ?? (e.Working.Status == FaqStatuses.Retired ? e.Working : null)).OfType<FaqEntry>()
            .Append(next).ToList();
        var problems = FaqValidator.Validate(published).Where(i => i.Reason.StartsWith(id + ":", StringComparison.Ordinal))
            .Select(i => i.Reason).ToList();
        if (problems.Count > 0) throw new FaqEditException(StatusCodes.Status400BadRequest, $"'{id}' cannot be published as it is.", problems);
    }

    private Task<StoredEntry> TransitionAsync(StoredEntry current, string status, string action, int? expectedVersion, string by, CancellationToken cancellationToken)
    {
        var next = current.Working with { Status = status, Version = current.Version + 1, LastChange = Change(by) };
        return WriteAsync(current with { Working = next }, expectedVersion ?? current.Version, action, by, current.Working, cancellationToken);
    }

    private async Task<StoredEntry> WriteAsync(StoredEntry next, int expectedVersion, string action, string by, FaqEntry? before,
        CancellationToken cancellationToken, bool publish = false)
    {
        var number = await store.WriteAsync([new FaqEntryWrite(next, expectedVersion, action, by, FaqDiff.Compute(before, next.Working))], publish, cancellationToken);
        if (publish) await sync.AnnounceAsync(number, cancellationToken);
        return next;
    }

    private async Task<StoredEntry> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw FaqEditException.NotFound(id);

    private FaqChange Change(string by) => new(by, clock.GetUtcNow());

    private static void ThrowIfInvalid(List<string> problems)
    {
        if (problems.Count > 0) throw new FaqEditException(StatusCodes.Status400BadRequest, "The entry is not valid.", problems);
    }
}
