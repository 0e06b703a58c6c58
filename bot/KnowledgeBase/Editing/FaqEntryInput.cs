using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>The text of one language as an editor sends it.</summary>
public sealed record FaqContentInput(string? Question, List<string>? Alternates, string? Answer);

/// <summary>
/// An entry as an editor sends it (create or update). Status, version and last change are the server's; whatever
/// the body says about them is ignored.
/// </summary>
public sealed record FaqEntryInput(
    string? Id, string? Category, string? Owner, List<string>? Tags, List<string>? FollowUps,
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, Dictionary<string, FaqContentInput>? Content)
{
    private static readonly string[] Languages = [FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English];

    /// <summary>The problems that stop this body being saved as a draft (empty = fine).</summary>
    public List<string> Problems(string id)
    {
        var problems = new List<string>();
        if (!FaqEditIds.IsValid(id)) problems.Add("id must be 3–80 characters: lower-case letters, digits and '-'");
        if (Category is null || !FaqCategories.All.Contains(Category)) problems.Add($"category must be one of: {string.Join(", ", FaqCategories.All)}");
        if (EffectiveFrom is { } from && EffectiveTo is { } to && to < from) problems.Add("effectiveTo is before effectiveFrom");
        foreach (var language in (Content?.Keys ?? Enumerable.Empty<string>()).Where(l => !Languages.Contains(l)))
            problems.Add($"unknown language '{language}' (use zh-Hans, zh-Hant, en)");
        foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.English })
        {
            var content = Content?.GetValueOrDefault(language);
            if (string.IsNullOrWhiteSpace(content?.Question)) problems.Add($"{language} question is required");
            if (string.IsNullOrWhiteSpace(content?.Answer)) problems.Add($"{language} answer is required");
        }
        if (Content?.GetValueOrDefault(FaqLanguages.Traditional) is { } hant && (string.IsNullOrWhiteSpace(hant.Question) || string.IsNullOrWhiteSpace(hant.Answer)))
            problems.Add("zh-Hant override needs both question and answer (or leave it out)");
        return problems;
    }

    /// <summary>The entry this body describes; call only when <see cref="Problems"/> is empty.</summary>
    public FaqEntry ToEntry(string id, string status, int version, FaqChange change) => new()
    {
        Id = id,
        Category = Category!,
        Status = status,
        Owner = Owner?.Trim() ?? "",
        Version = version,
        EffectiveFrom = EffectiveFrom,
        EffectiveTo = EffectiveTo,
        LastChange = change,
        Tags = Clean(Tags),
        FollowUps = Clean(FollowUps),
        Content = Content!.Where(c => Languages.Contains(c.Key)).ToDictionary(
            c => c.Key, c => new FaqContent(c.Value.Question!.Trim(), Clean(c.Value.Alternates), c.Value.Answer!.Trim())),
    };

    private static List<string> Clean(List<string>? items) =>
        (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>What an entry id may look like (it appears in URLs, files and follow-up lists).</summary>
public static partial class FaqEditIds
{
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{2,79}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
