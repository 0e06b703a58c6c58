using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Search;

/// <summary>One ranked candidate: the entry and its similarity to the question (0–1).</summary>
public sealed record FaqCandidate(FaqEntry Entry, double Similarity);

/// <summary>
/// An immutable TF-IDF index over every live entry, in all languages. Each entry is indexed twice: once per
/// phrasing (question and alternates) and once as a whole (all its phrasings together). An entry's similarity is
/// the mean of its best phrasing cosine and its whole-entry cosine: the first rewards a close paraphrase, the
/// second a question that shares words with several phrasings (measured: +8 points top-1 over phrasings alone).
/// Immutable, so a publish builds a new index and swaps it in and an answer never mixes two versions.
/// </summary>
public sealed class FaqIndex
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly (int Document, float Weight)[][] _postings;
    private readonly float[] _idf;
    private readonly int[] _documentEntry;
    private readonly bool[] _isWhole;
    private readonly int _maxQueryLength;
    private readonly float _unknownIdf;
    private readonly FaqSynonyms _synonyms;

    [ThreadStatic] private static float[]? t_scores;

    public IReadOnlyList<FaqEntry> Entries { get; }
    public int DocumentCount => _documentEntry.Length;

    public FaqIndex(IReadOnlyList<FaqEntry> entries, int maxQueryLength = 256, FaqSynonyms? synonyms = null)
    {
        Entries = entries;
        _synonyms = synonyms ?? FaqSynonyms.None;
        _maxQueryLength = maxQueryLength;
        var documents = new List<List<string>>();
        var documentEntry = new List<int>();
        var isWhole = new List<bool>();
        for (var e = 0; e < entries.Count; e++)
        {
            var whole = new List<string>();
            foreach (var content in entries[e].Content.Values)
                foreach (var phrase in content.Alternates.Prepend(content.Question))
                {
                    var tokens = FaqTokenizer.Tokenize(phrase, maxQueryLength, _synonyms);
                    documents.Add(tokens);
                    documentEntry.Add(e);
                    isWhole.Add(false);
                    whole.AddRange(tokens);
                }
            documents.Add(whole);
            documentEntry.Add(e);
            isWhole.Add(true);
        }
        _documentEntry = [.. documentEntry];
        _isWhole = [.. isWhole];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in documents)
            foreach (var token in new HashSet<string>(tokens, StringComparer.Ordinal))
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
        var idf = new List<float>();
        foreach (var (term, df) in documentFrequency)
        {
            _termIds[term] = idf.Count;
            idf.Add((float)Math.Log(1 + (double)documents.Count / df));
        }
        _idf = [.. idf];
        _unknownIdf = (float)Math.Log(1 + documents.Count);
        var postings = new List<(int, float)>[_idf.Length];
        for (var t = 0; t < postings.Length; t++) postings[t] = [];
        for (var d = 0; d < documents.Count; d++)
            foreach (var (termId, weight) in Vector(documents[d]))
                postings[termId].Add((d, weight));
        _postings = postings.Select(p => p.ToArray()).ToArray();
    }

    /// <summary>The <paramref name="top"/> most similar entries, best first (one per entry).</summary>
    public IReadOnlyList<FaqCandidate> Search(string question, int top = 3)
    {
        var query = Vector(FaqTokenizer.Tokenize(question, _maxQueryLength, _synonyms));
        if (query.Count == 0 || Entries.Count == 0) return [];
        var scores = t_scores is { } s && s.Length >= _documentEntry.Length ? s : t_scores = new float[_documentEntry.Length];
        Array.Clear(scores, 0, _documentEntry.Length);
        foreach (var (termId, queryWeight) in query)
            foreach (var (document, weight) in _postings[termId])
                scores[document] += queryWeight * weight;
        var bestPhrase = new float[Entries.Count];
        var whole = new float[Entries.Count];
        for (var d = 0; d < _documentEntry.Length; d++)
        {
            var entry = _documentEntry[d];
            if (_isWhole[d]) whole[entry] = scores[d];
            else if (scores[d] > bestPhrase[entry]) bestPhrase[entry] = scores[d];
        }
        var ranked = new List<FaqCandidate>(top + 1);
        for (var e = 0; e < Entries.Count; e++)
        {
            var similarity = 0.5 * bestPhrase[e] + 0.5 * whole[e];
            if (similarity <= 0) continue;
            if (ranked.Count == top && similarity <= ranked[^1].Similarity) continue;
            var at = ranked.FindIndex(c => c.Similarity < similarity);
            ranked.Insert(at < 0 ? ranked.Count : at, new FaqCandidate(Entries[e], Math.Min(1.0, similarity)));
            if (ranked.Count > top) ranked.RemoveAt(top);
        }
        return ranked;
    }

    /// <summary>
    /// Sublinear TF × IDF, L2-normalized. Terms the index has never seen cannot match, but they still count in the
    /// norm (as the rarest terms), so a question that is mostly about something else gets an honestly low score.
    /// </summary>
    private List<(int TermId, float Weight)> Vector(List<string> tokens)
    {
        var counts = new Dictionary<int, int>();
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (_termIds.TryGetValue(token, out var id)) counts[id] = counts.GetValueOrDefault(id) + 1;
            else unknown[token] = unknown.GetValueOrDefault(token) + 1;
        }
        var vector = new List<(int, float)>(counts.Count);
        double squared = 0;
        foreach (var (id, count) in counts)
        {
            var weight = (float)((1 + Math.Log(count)) * _idf[id]);
            vector.Add((id, weight));
            squared += weight * weight;
        }
        foreach (var count in unknown.Values) squared += Math.Pow((1 + Math.Log(count)) * _unknownIdf, 2);
        if (squared == 0) return [];
        var norm = (float)Math.Sqrt(squared);
        for (var i = 0; i < vector.Count; i++) vector[i] = (vector[i].Item1, vector[i].Item2 / norm);
        return vector;
    }
}
