using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.KnowledgeBase.Search;
using ChatService.KnowledgeBase.Store;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>One thing editors should look at: its kind, the entries involved, and what was found.</summary>
public sealed record FaqConflict(string Kind, IReadOnlyList<string> EntryIds, string Detail);

/// <summary>
/// Finds problems across entries (working copies, retired ones left out): the same phrasing (after normalization) in
/// two entries, near-identical phrasings (cosine ≥ the threshold in the search index's own TF-IDF space), evaluation
/// questions that two entries would each answer on their own, and follow-ups that point to retired or missing entries
/// (publishing such an entry is refused).
/// </summary>
public static class FaqConflicts
{
    public const double SimilarThreshold = 0.9;

    public static List<FaqConflict> Find(IReadOnlyList<StoredEntry> stored, IReadOnlyList<FaqEvalQuestion>? evalQuestions = null, KnowledgeBaseOptions? options = null)
    {
        var conflicts = new List<FaqConflict>();
        var active = stored.Where(e => e.Working.Status != FaqStatuses.Retired).Select(e => e.Working).ToList();
        var byId = stored.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var phrases = active.SelectMany(e => e.Content.SelectMany(c => c.Value.Alternates.Prepend(c.Value.Question)
            .Select(text => (Entry: e.Id, Language: c.Key, Text: text)))).ToList();

        var exact = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in phrases.GroupBy(p => TextNormalizer.Normalize(p.Text)).Where(g => g.Key.Length > 0))
        {
            var ids = group.Select(p => p.Entry).Distinct().Order(StringComparer.Ordinal).ToList();
            if (ids.Count < 2) continue;
            exact.Add(string.Join(",", ids));
            conflicts.Add(new FaqConflict("duplicate-phrasing", ids, $"\"{group.First().Text}\" is a phrasing of each"));
        }

        // One pseudo-entry per phrasing, so the index scores phrasing against phrasing.
        var index = new FaqIndex(phrases.Select((p, i) => new FaqEntry
        {
            Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Category = p.Entry,
            Content = new Dictionary<string, FaqContent> { [p.Language] = new(p.Text, [], "") },
        }).ToList());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
            foreach (var candidate in index.Search(phrase.Text, 4))
            {
                var other = candidate.Entry.Category;
                if (other == phrase.Entry || candidate.Similarity < SimilarThreshold) continue;
                var ids = new[] { phrase.Entry, other }.Order(StringComparer.Ordinal).ToList();
                var key = string.Join(",", ids);
                if (exact.Contains(key) || !seen.Add(key)) continue;
                var otherText = candidate.Entry.Content.Values.First().Question;
                conflicts.Add(new FaqConflict("similar-phrasing", ids, $"\"{phrase.Text}\" ({phrase.Entry}) ≈ \"{otherText}\" ({other}), similarity {candidate.Similarity:0.00}"));
            }

        if (evalQuestions is { Count: > 0 } && options is not null) conflicts.AddRange(SameEvalQuestion(active, evalQuestions, options));

        foreach (var entry in active)
            foreach (var followUp in entry.FollowUps)
            {
                if (!byId.TryGetValue(followUp, out var target))
                    conflicts.Add(new FaqConflict("follow-up-missing", [entry.Id, followUp], $"{entry.Id} offers '{followUp}', which does not exist"));
                else if (target.Working.Status == FaqStatuses.Retired)
                    conflicts.Add(new FaqConflict("follow-up-retired", [entry.Id, followUp], $"{entry.Id} offers '{followUp}', which is retired"));
            }
        return conflicts;
    }

    /// <summary>Questions where the runner-up alone would clear the answer threshold: two entries answer the same thing.</summary>
    private static IEnumerable<FaqConflict> SameEvalQuestion(List<FaqEntry> active, IReadOnlyList<FaqEvalQuestion> questions, KnowledgeBaseOptions options)
    {
        var index = new FaqIndex(active, options.MaxQueryLength);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var ranked = index.Search(question.Text, 2);
            if (ranked.Count < 2 || options.Calibration.Probability(ranked[1].Similarity, 0) < options.AnswerThreshold) continue;
            var ids = ranked.Select(c => c.Entry.Id).Order(StringComparer.Ordinal).ToList();
            if (seen.Add(string.Join(",", ids)))
                yield return new FaqConflict("same-eval-question", ids,
                    $"\"{question.Text}\" (expects {question.Expect ?? "no answer"}): {ranked[0].Entry.Id} {ranked[0].Similarity:0.00}, {ranked[1].Entry.Id} {ranked[1].Similarity:0.00}");
        }
    }
}
