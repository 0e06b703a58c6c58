using System.Numerics;
using System.Text.RegularExpressions;
using ChatService.KnowledgeBase.Content;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// The meaning side of English search: every English phrasing of every entry as a sentence vector
/// (<see cref="SentenceEmbedder"/>), and for a question the best cosine per entry. It finds the entry a customer
/// asks for in other words ("can I get my money back if I change my mind" → the cooling-off period), which shared
/// words cannot. No Chinese encoder restores here, so a Chinese question is compared through its English glosses
/// (<see cref="ChineseGlossary"/>) with the same English phrasings, at its own weight.
/// </summary>
public sealed partial class FaqSemantic
{
    private readonly float[] _vectors;
    private readonly int[] _entryOf;

    private FaqSemantic(float[] vectors, int[] entryOf)
    {
        _vectors = vectors;
        _entryOf = entryOf;
    }

    /// <summary>Vectors of the English question and alternates of each entry (cached by text, so a publish encodes only what changed).</summary>
    public static FaqSemantic Build(IReadOnlyList<FaqEntry> entries)
    {
        var texts = new List<string>();
        var entryOf = new List<int>();
        for (var e = 0; e < entries.Count; e++)
            if (entries[e].Content.TryGetValue(FaqLanguages.English, out var english))
                foreach (var phrasing in english.Alternates.Prepend(english.Question))
                {
                    texts.Add(phrasing);
                    entryOf.Add(e);
                }
        var encoded = SentenceEmbedder.EncodeCached(texts);
        var vectors = new float[texts.Count * SentenceEmbedder.Dimensions];
        for (var i = 0; i < encoded.Length; i++) encoded[i].CopyTo(vectors, i * SentenceEmbedder.Dimensions);
        return new FaqSemantic(vectors, [.. entryOf]);
    }

    /// <summary>
    /// English is compared as itself only in sentences: the encoder knows no Chinese, and on a lone keyword, or on
    /// code, a sentence vector is noise ("&lt;script&gt;alert('x')&lt;/script&gt;" lies near the SMS-alerts entry). Keywords
    /// are left to the lexical fields, which handle them well.
    /// </summary>
    public static bool Applies(string question) => IsEnglishSentence(question, LanguageDetector.Detect(question).Code);

    private static bool IsEnglishSentence(string question, string language) =>
        language == NluLanguages.English && Words().Count(Markup().Replace(question, " ")) >= MinimumWords;

    private const int MinimumWords = 2;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();

    /// <summary>
    /// Adds the weight of the question's language × its best cosine, rescaled above the floor (0 below it), to each
    /// entry's score, and says which weight that was; false (nothing added) when the signal does not apply: English
    /// under <see cref="MinimumWords"/> words, Chinese without a glossary or without a word it knows, other text.
    /// </summary>
    public bool TryScore(string question, float[] entryScores, FaqRanking ranking, out double weight)
    {
        weight = 0;
        string text;
        var language = LanguageDetector.Detect(question).Code;
        if (ranking.Semantic > 0 && IsEnglishSentence(question, language)) (text, weight) = (question, ranking.Semantic);
        else if (ranking.ChineseSemantic > 0 && ranking.Glossary is { } glossary
            && language is NluLanguages.SimplifiedChinese or NluLanguages.TraditionalChinese
            && glossary.Gloss(question) is { Length: > 0 } glossed)
            (text, weight) = (glossed, ranking.ChineseSemantic);
        else return false;
        Score(text, entryScores, weight, ranking.SemanticFloor);
        return true;
    }

    private void Score(string text, float[] entryScores, double weight, double floor)
    {
        var query = SentenceEmbedder.EncodeCached([text])[0];
        var best = new float[entryScores.Length];
        var dimensions = SentenceEmbedder.Dimensions;
        var width = Vector<float>.Count;
        for (var row = 0; row < _entryOf.Length; row++)
        {
            var span = _vectors.AsSpan(row * dimensions, dimensions);
            var sum = Vector<float>.Zero;
            var d = 0;
            for (; d <= dimensions - width; d += width) sum += new Vector<float>(span[d..]) * new Vector<float>(query, d);
            var cosine = Vector.Sum(sum);
            for (; d < dimensions; d++) cosine += span[d] * query[d];
            if (cosine > best[_entryOf[row]]) best[_entryOf[row]] = cosine;
        }
        for (var e = 0; e < entryScores.Length; e++)
            entryScores[e] += (float)(weight * Math.Max(0, (best[e] - floor) / (1 - floor)));
    }
}
