using ChatService.KnowledgeBase.Content;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Which entry a question is word for word one of the phrasings of (after the shared normalization, spaces and
/// punctuation aside). BM25 over an entry's phrasings taken together does not reward a whole-phrase match: a question
/// an editor has just added as an alternate ("what does my policy cover") could still lose to an entry that repeats its
/// common words more often. An exact match therefore ranks its entry first, so an editor's fix always takes. A phrasing
/// shared by two entries decides nothing (conflict detection reports it to the editors).
/// </summary>
public sealed class FaqExactPhrasings
{
    private const int Ambiguous = -1;
    private readonly Dictionary<string, int> _entryByPhrasing = new(StringComparer.Ordinal);

    public FaqExactPhrasings(IReadOnlyList<FaqEntry> entries)
    {
        for (var e = 0; e < entries.Count; e++)
            foreach (var (language, content) in entries[e].Content)
                foreach (var phrasing in content.Alternates.Prepend(content.Question))
                {
                    // Only Traditional text needs the (costly) script conversion; the others are Simplified or English.
                    var key = Key(language == FaqLanguages.Traditional ? TextNormalizer.Normalize(phrasing) : TextNormalizer.NormalizeSimplified(phrasing));
                    if (key.Length == 0) continue;
                    _entryByPhrasing[key] = _entryByPhrasing.TryGetValue(key, out var other) && other != e ? Ambiguous : e;
                }
    }

    /// <summary>The entry (its position in the index) whose phrasing the normalized question is, if exactly one.</summary>
    public int? Find(string normalizedQuestion) =>
        _entryByPhrasing.TryGetValue(Key(normalizedQuestion), out var e) && e != Ambiguous ? e : null;

    private static string Key(string normalized) => normalized.Replace(" ", "", StringComparison.Ordinal);
}
