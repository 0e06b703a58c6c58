using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>One passage found for a question, with its score (0–1).</summary>
public sealed record PassageHit(Passage Passage, double Score);

/// <summary>
/// An immutable index over the manuals' passages. A passage's score is the share of the question's IDF weight that
/// the passage contains (question terms the manuals never use count as the rarest terms): 1 when every topical word
/// of the question appears in the passage, near 0 for a question about something else. Unlike a cosine it does not
/// shrink with the passage's length, so one threshold fits short and long passages. Ties go to the passage that
/// uses the words more often (saturated term frequency).
/// </summary>
public sealed class PassageIndex
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<(int Passage, int Count)>[] _postings;
    private readonly double[] _idf;
    private readonly double _unknownIdf;
    private readonly FaqSynonyms _synonyms;
    private readonly int _maxQueryLength;

    public IReadOnlyList<Passage> Passages { get; }

    public FaqSynonyms Synonyms => _synonyms;

    public static PassageIndex Empty { get; } = new([], FaqSynonyms.None);

    public PassageIndex(IReadOnlyList<Passage> passages, FaqSynonyms synonyms, int maxQueryLength = 256)
    {
        Passages = passages;
        _synonyms = synonyms;
        _maxQueryLength = maxQueryLength;
        var postings = new List<List<(int, int)>>();
        for (var p = 0; p < passages.Count; p++)
        {
            var passage = passages[p];
            var terms = PassageTerms.Of($"{passage.Title}\n{string.Join("\n", passage.Path)}\n{passage.Text}", synonyms);
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_termIds.TryGetValue(group.Key, out var id))
                {
                    _termIds[group.Key] = id = postings.Count;
                    postings.Add([]);
                }
                postings[id].Add((p, group.Count()));
            }
        }
        _postings = [.. postings];
        _idf = postings.Select(list => Math.Log(1 + (double)passages.Count / list.Count)).ToArray();
        _unknownIdf = Math.Log(1 + passages.Count);
    }

    /// <summary>The <paramref name="top"/> best passages for a question, best first.</summary>
    public IReadOnlyList<PassageHit> Search(string question, int top = 3)
    {
        var terms = PassageTerms.Of(question, _synonyms, _maxQueryLength).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || Passages.Count == 0) return [];
        var covered = new double[Passages.Count];
        var frequency = new double[Passages.Count];
        double total = 0;
        foreach (var term in terms)
        {
            if (!_termIds.TryGetValue(term, out var id)) { total += _unknownIdf; continue; }
            total += _idf[id];
            foreach (var (passage, count) in _postings[id])
            {
                covered[passage] += _idf[id];
                frequency[passage] += _idf[id] * count / (count + 1.0);
            }
        }
        return Enumerable.Range(0, Passages.Count).Where(p => covered[p] > 0)
            .OrderByDescending(p => covered[p]).ThenByDescending(p => frequency[p]).Take(top)
            .Select(p => new PassageHit(Passages[p], covered[p] / total)).ToList();
    }
}
