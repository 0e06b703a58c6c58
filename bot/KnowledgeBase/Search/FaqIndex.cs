using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Search;

/// <summary>One ranked candidate: the entry and its similarity to the question (0–1).</summary>
public sealed record FaqCandidate(FaqEntry Entry, double Similarity);

/// <summary>
/// An immutable index over every live entry, in all languages, with three fields: each phrasing (question and
/// alternates) on its own, all of an entry's phrasings together, and the answers. An entry's similarity is a
/// weighted sum of its best phrasing cosine, its whole-entry cosine and its answer cosine (<see cref="FaqRanking"/>):
/// the first rewards a close paraphrase, the second a question that shares words with several phrasings, the third
/// the words of the subject matter that customers use but the phrasings do not.
/// Immutable, so a publish builds a new index and swaps it in and an answer never mixes two versions.
/// </summary>
public sealed class FaqIndex
{
    private readonly FaqField? _phrases;
    private readonly FaqField _whole;
    private readonly FaqField? _answers;
    private readonly int _maxQueryLength;
    private readonly FaqSynonyms _synonyms;
    private readonly FaqRanking _ranking;

    [ThreadStatic] private static float[]? t_documentScores;

    public IReadOnlyList<FaqEntry> Entries { get; }
    /// <summary>How many phrasings (questions and alternates) the index holds.</summary>
    public int DocumentCount { get; }

    public FaqIndex(IReadOnlyList<FaqEntry> entries, int maxQueryLength = 256, FaqSynonyms? synonyms = null, FaqRanking? ranking = null)
    {
        Entries = entries;
        _synonyms = synonyms ?? FaqSynonyms.None;
        _ranking = ranking ?? FaqRanking.Default;
        _maxQueryLength = maxQueryLength;
        var phrases = new List<List<string>>();
        var phraseEntry = new List<int>();
        var wholes = new List<List<string>>();
        var answers = new List<List<string>>();
        var answerEntry = new List<int>();
        for (var e = 0; e < entries.Count; e++)
        {
            var whole = new List<string>();
            foreach (var content in entries[e].Content.Values)
            {
                foreach (var phrase in content.Alternates.Prepend(content.Question))
                {
                    var tokens = Tokenize(phrase);
                    phrases.Add(tokens);
                    phraseEntry.Add(e);
                    whole.AddRange(tokens);
                }
                if (_ranking.Answer > 0)
                {
                    answers.Add(Tokenize(content.Answer));
                    answerEntry.Add(e);
                }
            }
            wholes.Add(whole);
        }
        _phrases = _ranking.Phrase > 0 ? new FaqField(phrases, phraseEntry, _ranking.HanUnigram) : null;
        DocumentCount = phrases.Count;
        _whole = new FaqField(wholes, Enumerable.Range(0, entries.Count).ToList(), _ranking.HanUnigram, _ranking.WholeBm25);
        if (_ranking.Answer > 0) _answers = new FaqField(answers, answerEntry, _ranking.HanUnigram);
    }

    private List<string> Tokenize(string text) => FaqTokenizer.Tokenize(text, _maxQueryLength, _synonyms);

    /// <summary>The <paramref name="top"/> most similar entries, best first (one per entry).</summary>
    public IReadOnlyList<FaqCandidate> Search(string question, int top = 3)
    {
        var query = Tokenize(question);
        if (query.Count == 0 || Entries.Count == 0) return [];
        var documentScores = t_documentScores is { } s && s.Length >= DocumentCount + Entries.Count * 3
            ? s : t_documentScores = new float[DocumentCount + Entries.Count * 3];
        var entryScores = new float[Entries.Count];
        _phrases?.Score(query, documentScores, entryScores, _ranking.Phrase, bestDocument: true);
        _whole.Score(query, documentScores, entryScores, _ranking.Whole, bestDocument: true);
        _answers?.Score(query, documentScores, entryScores, _ranking.Answer, bestDocument: true);
        var ranked = new List<FaqCandidate>(top + 1);
        for (var e = 0; e < Entries.Count; e++)
        {
            double similarity = entryScores[e];
            if (similarity <= 0) continue;
            if (ranked.Count == top && similarity <= ranked[^1].Similarity) continue;
            var at = ranked.FindIndex(c => c.Similarity < similarity);
            ranked.Insert(at < 0 ? ranked.Count : at, new FaqCandidate(Entries[e], Math.Min(1.0, similarity)));
            if (ranked.Count > top) ranked.RemoveAt(top);
        }
        return ranked;
    }
}
