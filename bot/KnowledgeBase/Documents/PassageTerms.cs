using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// Search terms for passages: the FAQ search's own tokens (the shared NLU normalization incl. Traditional → Simplified,
/// the editors' synonyms, Chinese character unigrams and bigrams), minus the words that only make a sentence a
/// question (怎么, 什么, 吗, "how", "what"…). The manuals never contain those, so left in they would make every
/// question look half off-topic.
/// </summary>
public static class PassageTerms
{
    /// <summary>Characters that carry no topic: a term containing one is dropped.</summary>
    private const string FunctionCharacters = "吗呢吧么啊呀哪怎什您你我请嘛哦呗";

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "的", "了", "是", "有", "要", "想", "能", "会", "可", "以", "可以", "在", "和", "吗", "如何", "是否", "多少", "一下",
        "what", "how", "do", "doe", "i", "you", "your", "the", "a", "an", "is", "are", "can", "to", "of", "my", "me", "for", "in", "it",
    };

    public static List<string> Of(string text, FaqSynonyms synonyms, int maxLength = int.MaxValue) =>
        FaqTokenizer.Tokenize(text, maxLength, synonyms).Where(IsTopical).ToList();

    private static bool IsTopical(string term) =>
        !FunctionWords.Contains(term) && term.AsSpan().IndexOfAny(FunctionCharacters) < 0;
}
