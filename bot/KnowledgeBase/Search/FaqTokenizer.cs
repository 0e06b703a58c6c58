using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Turns text into search terms after the shared NLU normalization (width, case, Traditional → Simplified):
/// Chinese as character unigrams and bigrams (bigrams measured better than unigrams alone; jieba.NET's words added
/// beside them, measured 2026-12-06, moved held-out alternates by +0.1 point and zh-Hans top-1 by +1.0 for ≈ 90 MB
/// of dictionary, so they are not used), other scripts as lightly stemmed words.
/// </summary>
public static class FaqTokenizer
{
    public static List<string> Tokenize(string text, int maxLength = int.MaxValue, FaqSynonyms? synonyms = null) =>
        TokenizeNormalized(TextNormalizer.Normalize(text.Length > maxLength ? text[..maxLength] : text), synonyms);

    /// <summary>The same, for text that has been through <see cref="TextNormalizer.Normalize"/> already.</summary>
    public static List<string> TokenizeNormalized(string normalized, FaqSynonyms? synonyms = null)
    {
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

    /// <summary>
    /// A light English stemmer: plural and verb endings, then a final e and a doubled consonant, so that
    /// claim/claims/claimed/claiming, decline/declined/declining and apply/applied/applies each meet in one stem.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1])) return word;
        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) || stem.EndsWith("ied", StringComparison.Ordinal)) stem = stem.Length > 4 ? stem[..^3] + "y" : stem;
        else if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length > 5) stem = stem[..^3];
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length > 4) stem = stem[..^2];
        else if (stem.EndsWith("es", StringComparison.Ordinal) && stem.Length > 4 && stem[^3] is 's' or 'x' or 'h') stem = stem[..^2];
        else if (stem[^1] == 's' && stem[^2] != 's' && stem[^2] != 'u') stem = stem[..^1];
        if (stem.Length > 4 && stem[^1] == 'e') stem = stem[..^1];
        if (stem.Length > 4 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') && !IsVowel(stem[^1])) stem = stem[..^1];
        return stem;
    }

    private static bool IsVowel(char ch) => ch is 'a' or 'e' or 'i' or 'o' or 'u';

    internal static bool IsHan(char ch) => ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
