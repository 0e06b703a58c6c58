using System.Globalization;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Store;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>Field-by-field differences between two versions of an entry, as editors read them (lists one item a line).</summary>
public static class FaqDiff
{
    public static IReadOnlyList<FaqFieldChange> Compute(FaqEntry? before, FaqEntry after)
    {
        var old = before is null ? new Dictionary<string, string>() : Fields(before);
        var now = Fields(after);
        return old.Keys.Union(now.Keys)
            .Select(field => new FaqFieldChange(field, old.GetValueOrDefault(field, ""), now.GetValueOrDefault(field, "")))
            .Where(change => change.Before != change.After)
            .ToList();
    }

    private static Dictionary<string, string> Fields(FaqEntry entry)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["category"] = entry.Category,
            ["status"] = entry.Status,
            ["owner"] = entry.Owner,
            ["tags"] = string.Join("\n", entry.Tags),
            ["followUps"] = string.Join("\n", entry.FollowUps),
            ["effectiveFrom"] = entry.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["effectiveTo"] = entry.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        };
        foreach (var (language, content) in entry.Content)
        {
            fields[$"{language}.question"] = content.Question;
            fields[$"{language}.alternates"] = string.Join("\n", content.Alternates);
            fields[$"{language}.answer"] = content.Answer;
        }
        return fields;
    }
}
