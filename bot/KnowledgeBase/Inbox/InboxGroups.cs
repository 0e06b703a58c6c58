using ChatService.KnowledgeBase.Search;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Inbox;

/// <summary>Similar inbox questions together: how many, why they came in, examples, and the entry search finds closest.</summary>
public sealed record InboxGroup(string Question, string Language, int Count, IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyList<string> Examples, IReadOnlyList<long> ItemIds, string? SuggestedEntryId, double SuggestedSimilarity);

/// <summary>
/// Groups open inbox items greedily: an item joins the first group whose first question shares enough character
/// bigrams with it (Jaccard on normalized text, so Traditional and Simplified, case and punctuation do not matter).
/// Largest groups first.
/// </summary>
public static class InboxGrouper
{
    public const double SameQuestion = 0.5;

    public static List<InboxGroup> Group(IReadOnlyList<InboxItem> items, FaqIndex index)
    {
        var groups = new List<(HashSet<string> Bigrams, List<InboxItem> Items)>();
        foreach (var item in items)
        {
            var bigrams = Bigrams(item.Question);
            var home = groups.FirstOrDefault(g => Jaccard(g.Bigrams, bigrams) >= SameQuestion);
            if (home.Items is null) groups.Add((bigrams, [item]));
            else home.Items.Add(item);
        }
        return groups.OrderByDescending(g => g.Items.Count).Select(g =>
        {
            var first = g.Items[0];
            var best = index.Search(first.Question, 1).FirstOrDefault();
            return new InboxGroup(first.Question, first.Language, g.Items.Count,
                g.Items.GroupBy(i => i.Kind).ToDictionary(k => k.Key, k => k.Count()),
                g.Items.Select(i => i.Question).Distinct().Take(5).ToList(), g.Items.Select(i => i.Id).ToList(),
                best?.Entry.Id, best?.Similarity ?? 0);
        }).ToList();
    }

    private static HashSet<string> Bigrams(string text)
    {
        var normalized = TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < normalized.Length; i++) bigrams.Add(normalized.Substring(i, 2));
        if (bigrams.Count == 0 && normalized.Length > 0) bigrams.Add(normalized);
        return bigrams;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
