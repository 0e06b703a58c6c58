using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Turns text into search terms after the shared NLU normalization (width, case, Traditional → Simplified):
/// Chinese as character unigrams and bigrams (no word segmenter is available here, and bigrams measured
/// better than unigrams alone), other scripts as lightly stemmed words.
/// </summary>
public static class FaqTokenizer
{
    public static List<string> Tokenize(string text, int maxLength = int.MaxValue, FaqSynonyms? synonyms = null)
    {
        var normalized = TextNormalizer.Normalize(text.Length > maxLength ? text[..maxLength] : text);
        if (synonyms is not null) normalized = synonyms.Apply(normalized);
        var tokens = new List<string>();
        var i = 0;
        while (i < normalized.Length)
        {
            var ch = normalized[i];
            if (IsHan(ch))
            {
                var start = i;
                while (i < normalized.Length && IsHan(normalized[i])) i++;
                AddHanRun(normalized.AsSpan(start, i - start), tokens);
            }
            else if (char.IsLetterOrDigit(ch))
            {
                var start = i;
                while (i < normalized.Length && char.IsLetterOrDigit(normalized[i]) && !IsHan(normalized[i])) i++;
                var word = normalized[start..i];
                tokens.Add(Stem(word));
            }
            else i++;
        }
        return tokens;
    }

    private static void AddHanRun(ReadOnlySpan<char> run, List<string> tokens)
    {
        for (var j = 0; j < run.Length; j++)
        {
            tokens.Add(run[j].ToString());
            if (j + 1 < run.Length) tokens.Add(run.Slice(j, 2).ToString());
        }
    }

    /// <summary>A light English stemmer: plural and verb endings, enough to match claim/claims/claimed/claiming.</summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return word[..^3];
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return word[..^2];
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && word[^3] is 's' or 'x' or 'h') return word[..^2];
        if (word[^1] == 's' && word[^2] != 's' && word[^2] != 'u') return word[..^1];
        return word;
    }

    internal static bool IsHan(char ch) => ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
