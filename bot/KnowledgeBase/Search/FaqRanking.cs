namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// How the similarity signals combine into an entry's score. The defaults were chosen by measurement on alternates
/// held out of the index (<c>kb eval --heldout</c>), then confirmed on the evaluation sets. Measured and not kept:
/// the best single phrasing's cosine as a third signal (any weight lowered held-out top-1), cosine instead of BM25
/// for the phrasings (−5 points top-1), English stop words, ICU dictionary words for Chinese (no gain over bigrams).
/// </summary>
public sealed record FaqRanking
{
    /// <summary>Weight of the entry's phrasings taken together (BM25, scaled to 0–1 by the question's best case).</summary>
    public double Whole { get; init; } = 1.0;

    /// <summary>Weight of the answer text (cosine); it mostly lifts the right entry into the top 3.</summary>
    public double Answer { get; init; } = 0.2;

    /// <summary>Term weight of a single Chinese character relative to a character bigram.</summary>
    public double HanUnigram { get; init; } = 1.0;

    public static FaqRanking Default { get; } = new();
}
