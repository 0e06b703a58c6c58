using ChatService.Nlu;
using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Search;

/// <summary>One ranked candidate: the entry and its similarity to the question (0–1).</summary>
public sealed record FaqCandidate(FaqEntry Entry, double Similarity);

/// <summary>
/// An immutable index over every live entry, in all languages, with two fields: all of an entry's phrasings
/// (question and alternates) together as one document, scored by BM25, and its answers, scored by cosine. An entry's
/// similarity is their weighted sum (<see cref="FaqRanking"/>): the first rewards a question that shares words with
/// the ways customers ask, the second the words of the subject matter that customers use but the phrasings do not.
/// An English or Chinese question also gets the meaning signal (<see cref="FaqSemantic"/>) when the ranking gives its
/// language a weight.
/// Immutable, so a publish builds a new index and swaps it in and an answer never mixes two versions.
/// </summary>
public sealed class FaqIndex
{
    private readonly FaqField _phrasings;
    private readonly FaqField? _answers;
    private readonly FaqSemantic? _semantic;
    private readonly FaqExactPhrasings _exact;
    private readonly int _maxQueryLength;
    private readonly FaqSynonyms _synonyms;
    private readonly FaqRanking _ranking;

    [ThreadStatic] private static float[]? t_documentScores;

    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>How many phrasings (questions and alternates) the index holds.</summary>
    public int DocumentCount { get; }

    /// <summary>The index the bot searches: its configured ranking (including the meaning signal) and query length.</summary>
    public static FaqIndex For(IReadOnlyList<FaqEntry> entries, KnowledgeBaseOptions options, FaqSynonyms? synonyms = null) =>
        new(entries, options.MaxQueryLength, synonyms, FaqRanking.For(options));

    public FaqIndex(IReadOnlyList<FaqEntry> entries, int maxQueryLength = 256, FaqSynonyms? synonyms = null, FaqRanking? ranking = null)
    {
        Entries = entries;
        _synonyms = synonyms ?? FaqSynonyms.None;
        _ranking = ranking ?? FaqRanking.Default;
        _maxQueryLength = maxQueryLength;
        var phrasings = new List<string>[entries.Count];
        var answers = new List<string>[entries.Count][];
        // Tokenizing is most of the build and each entry is independent.
        Parallel.For(0, entries.Count, e =>
        {
            var content = entries[e].Content;
            phrasings[e] = [];
            // One pass per language over all its phrasings: normalization has a fixed cost per call (ICU), and the
            // line breaks keep Chinese bigrams from spanning two phrasings.
            foreach (var language in content.Values)
                phrasings[e].AddRange(FaqTokenizer.Tokenize(string.Join('\n', language.Alternates.Prepend(language.Question)), int.MaxValue, _synonyms));
            // A Traditional answer folds to nearly the Simplified one; indexing both would only double the work.
            answers[e] = _ranking.Answer > 0
                ? content.Where(kv => kv.Key != FaqLanguages.Traditional || !content.ContainsKey(FaqLanguages.Simplified))
                    .Select(kv => Tokenize(kv.Value.Answer)).ToArray()
                : [];
        });
        _exact = new FaqExactPhrasings(entries);
        DocumentCount = entries.Sum(e => e.Content.Values.Sum(c => c.Alternates.Count + 1));
        _phrasings = new FaqField(phrasings, Enumerable.Range(0, entries.Count).ToList(), _ranking.HanUnigram, bm25: true);
        if (_ranking.Semantic > 0 || (_ranking.ChineseSemantic > 0 && _ranking.Glossary is not null)) _semantic = FaqSemantic.Build(entries);
        if (_ranking.Answer > 0)
            _answers = new FaqField(answers.SelectMany(a => a).ToList(),
                answers.SelectMany((a, e) => Enumerable.Repeat(e, a.Length)).ToList(), _ranking.HanUnigram);
    }

    private List<string> Tokenize(string text) => FaqTokenizer.Tokenize(text, _maxQueryLength, _synonyms);

    /// <summary>The <paramref name="top"/> most similar entries, best first (one per entry).</summary>
    public IReadOnlyList<FaqCandidate> Search(string question, int top = 3)
    {
        var truncated = question.Length > _maxQueryLength ? question[.._maxQueryLength] : question;
        var normalized = TextNormalizer.Normalize(truncated);
        var query = FaqTokenizer.TokenizeNormalized(normalized, _synonyms);
        if (query.Count == 0 || Entries.Count == 0) return [];
        var size = Entries.Count * 4;
        var documentScores = t_documentScores is { } s && s.Length >= size ? s : t_documentScores = new float[size];
        var entryScores = new float[Entries.Count];
        _phrasings.Score(query, documentScores, entryScores, _ranking.Whole, bestDocument: true);
        _answers?.Score(query, documentScores, entryScores, _ranking.Answer, bestDocument: true);
        // The meaning signal, like the others, lies in 0–1; the blend is scaled back to the lexical weights' total, so
        // questions with it and without it share one scale and one calibration.
        var scale = 1.0;
        if (_semantic is not null && _semantic.TryScore(truncated, entryScores, _ranking, out var weight))
        {
            var lexical = _ranking.Whole + (_answers is null ? 0 : _ranking.Answer);
            scale = lexical / (lexical + weight);
        }
        var exact = _exact.Find(normalized);
        var ranked = new List<FaqCandidate>(top + 1);
        for (var e = 0; e < Entries.Count; e++)
        {
            if (e == exact) continue;
            var similarity = entryScores[e] * scale;
            if (similarity <= 0) continue;
            if (ranked.Count == top && similarity <= ranked[^1].Similarity) continue;
            var at = ranked.FindIndex(c => c.Similarity < similarity);
            ranked.Insert(at < 0 ? ranked.Count : at, new FaqCandidate(Entries[e], Math.Min(1.0, similarity)));
            if (ranked.Count > top) ranked.RemoveAt(top);
        }
        if (exact is { } match)
        {
            ranked.Insert(0, new FaqCandidate(Entries[match], 1.0));
            if (ranked.Count > top) ranked.RemoveAt(top);
        }
        return ranked;
    }
}
