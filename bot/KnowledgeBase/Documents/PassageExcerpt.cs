using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// A short excerpt of a passage for the customer: whole sentences only, starting at the sentence that shares the most
/// topical words with the question, continuing while they fit in the length limit. A single sentence longer than
/// the limit is cut and marked with "…".
/// </summary>
public static class PassageExcerpt
{
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';', '\n'];

    public static string For(Passage passage, string question, int maxChars, FaqSynonyms synonyms)
    {
        var sentences = Sentences(passage.Text);
        if (sentences.Count == 0) return "";
        var wanted = PassageTerms.Of(question, synonyms).ToHashSet(StringComparer.Ordinal);
        var start = 0;
        var best = -1;
        for (var i = 0; i < sentences.Count; i++)
        {
            var shared = PassageTerms.Of(sentences[i], synonyms).Distinct(StringComparer.Ordinal).Count(wanted.Contains);
            if (shared > best) (best, start) = (shared, i);
        }
        var excerpt = sentences[start];
        if (excerpt.Length > maxChars) return excerpt[..maxChars].TrimEnd() + "…";
        for (var i = start + 1; i < sentences.Count && excerpt.Length + sentences[i].Length <= maxChars; i++) excerpt += sentences[i];
        return excerpt.Trim();
    }

    internal static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var from = 0;
        while (from < text.Length)
        {
            var end = text.IndexOfAny(SentenceEnds, from);
            var to = end < 0 ? text.Length : end + 1;
            var sentence = text[from..to].Trim();
            if (sentence.Length > 0) sentences.Add(sentence);
            from = to;
        }
        return sentences;
    }
}
