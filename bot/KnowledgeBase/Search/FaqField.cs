namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// One searchable field: a set of documents, each belonging to an entry, as sublinear TF × IDF vectors,
/// L2-normalized, with an inverted index. Scores a query by cosine, per entry either the best document or the sum.
/// </summary>
internal sealed class FaqField
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly (int Document, float Weight)[][] _postings;
    private readonly float[] _idf;
    private readonly float[] _termWeight;
    private readonly int[] _documentEntry;
    private readonly float _unknownIdf;
    private readonly double _hanUnigram;
    private readonly bool _bm25;
    private readonly float[] _documentLength = [];
    private const double K1 = 1.2;
    private const double B = 0.75;

    public int DocumentCount => _documentEntry.Length;

    public FaqField(IReadOnlyList<List<string>> documents, IReadOnlyList<int> documentEntry, double hanUnigram, bool bm25 = false)
    {
        _hanUnigram = hanUnigram;
        _bm25 = bm25;
        _documentEntry = [.. documentEntry];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in documents)
            foreach (var token in new HashSet<string>(tokens, StringComparer.Ordinal))
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
        var idf = new List<float>();
        var termWeight = new List<float>();
        foreach (var (term, df) in documentFrequency)
        {
            _termIds[term] = idf.Count;
            idf.Add((float)Math.Log(1 + (double)documents.Count / df));
            termWeight.Add((float)TermWeight(term));
        }
        _idf = [.. idf];
        _termWeight = [.. termWeight];
        _unknownIdf = (float)Math.Log(1 + documents.Count);
        var postings = new List<(int, float)>[_idf.Length];
        for (var t = 0; t < postings.Length; t++) postings[t] = [];
        if (bm25)
        {
            _documentLength = documents.Select(d => (float)d.Count).ToArray();
            var average = documents.Count == 0 ? 1 : Math.Max(1, _documentLength.Average());
            for (var d = 0; d < documents.Count; d++)
                foreach (var group in documents[d].GroupBy(t => _termIds[t]))
                {
                    var tf = group.Count();
                    var saturated = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _documentLength[d] / average));
                    postings[group.Key].Add((d, (float)(saturated * _idf[group.Key] * _termWeight[group.Key])));
                }
        }
        else
            for (var d = 0; d < documents.Count; d++)
                foreach (var (termId, weight) in Vector(documents[d]))
                    postings[termId].Add((d, weight));
        _postings = postings.Select(p => p.ToArray()).ToArray();
    }

    /// <summary>Adds <paramref name="fieldWeight"/> × the entry's score to <paramref name="entryScores"/>.</summary>
    public void Score(List<string> query, float[] documentScores, float[] entryScores, double fieldWeight, bool bestDocument)
    {
        if (fieldWeight == 0) return;
        var vector = _bm25 ? QueryTerms(query) : Vector(query);
        if (vector.Count == 0) return;
        Array.Clear(documentScores, 0, _documentEntry.Length);
        foreach (var (termId, queryWeight) in vector)
            foreach (var (document, weight) in _postings[termId])
                documentScores[document] += queryWeight * weight;
        var best = -1;
        var bestScore = 0f;
        for (var d = 0; d < _documentEntry.Length; d++)
        {
            var entry = _documentEntry[d];
            if (!bestDocument) { entryScores[entry] += (float)(fieldWeight * documentScores[d]); continue; }
            // Documents of one entry are contiguous: flush the best when the entry changes.
            if (entry != best) { if (best >= 0) entryScores[best] += (float)(fieldWeight * bestScore); best = entry; bestScore = 0; }
            if (documentScores[d] > bestScore) bestScore = documentScores[d];
        }
        if (bestDocument && best >= 0) entryScores[best] += (float)(fieldWeight * bestScore);
    }

    /// <summary>BM25 query side: each distinct query term once, scaled so a document matching all of them fully scores ≈ 1.</summary>
    private List<(int TermId, float Weight)> QueryTerms(List<string> tokens)
    {
        var vector = new List<(int, float)>();
        double maximum = 0;
        foreach (var token in new HashSet<string>(tokens, StringComparer.Ordinal))
        {
            if (_termIds.TryGetValue(token, out var id)) { vector.Add((id, 1f)); maximum += (K1 + 1) * _idf[id] * _termWeight[id]; }
            else maximum += (K1 + 1) * _unknownIdf * TermWeight(token);
        }
        if (maximum == 0) return [];
        for (var i = 0; i < vector.Count; i++) vector[i] = (vector[i].Item1, (float)(1 / maximum));
        return vector;
    }

    private double TermWeight(string term) => term.Length == 1 && FaqTokenizer.IsHan(term[0]) ? _hanUnigram : 1.0;

    /// <summary>
    /// Sublinear TF × IDF, L2-normalized. Terms the field has never seen cannot match, but they still count in the
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
            var weight = (float)((1 + Math.Log(count)) * _idf[id] * _termWeight[id]);
            vector.Add((id, weight));
            squared += weight * weight;
        }
        foreach (var (token, count) in unknown) squared += Math.Pow((1 + Math.Log(count)) * _unknownIdf * TermWeight(token), 2);
        if (squared == 0) return [];
        var norm = (float)Math.Sqrt(squared);
        for (var i = 0; i < vector.Count; i++) vector[i] = (vector[i].Item1, vector[i].Item2 / norm);
        return vector;
    }
}
