namespace ChatService.KnowledgeBase.Content;

/// <summary>Rules every set of entries must satisfy before it may be published.</summary>
public static class FaqValidator
{
    public const int MinAlternates = 5;

    public static IEnumerable<FaqIssue> Validate(IReadOnlyList<FaqEntry> entries)
    {
        var ids = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!ids.TryAdd(entry.Id, entry)) yield return Issue(entry, "duplicate id");
            if (!FaqCategories.All.Contains(entry.Category)) yield return Issue(entry, $"unknown category '{entry.Category}'");
            if (!FaqStatuses.All.Contains(entry.Status)) yield return Issue(entry, $"unknown status '{entry.Status}'");
            foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.English })
            {
                if (!entry.Content.TryGetValue(language, out var content)) yield return Issue(entry, $"missing {language} version");
                else if (content.Alternates.Count < MinAlternates)
                    yield return Issue(entry, $"{language} has {content.Alternates.Count} alternates; at least {MinAlternates} are needed");
            }
            if (entry.EffectiveFrom is { } from && entry.EffectiveTo is { } to && to < from)
                yield return Issue(entry, "effective_to is before effective_from");
        }
        foreach (var entry in entries.Where(e => e.Status != FaqStatuses.Retired))
            foreach (var followUp in entry.FollowUps)
            {
                if (!ids.TryGetValue(followUp, out var target)) yield return Issue(entry, $"follow-up '{followUp}' does not exist");
                else if (target.Status == FaqStatuses.Retired) yield return Issue(entry, $"follow-up '{followUp}' is retired");
            }
    }

    private static FaqIssue Issue(FaqEntry entry, string reason) => new(entry.Category, 0, $"{entry.Id}: {reason}");
}
