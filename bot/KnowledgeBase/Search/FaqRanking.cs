namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// How the similarity signals combine into an entry's score. The defaults were chosen by measurement on
/// alternates held out of the index (<c>kb eval --heldout</c>), then confirmed on the evaluation sets.
/// </summary>
public sealed record FaqRanking
{
    /// <summary>Weight of the best single phrasing (question or alternate) of the entry.</summary>
    /// <remarks>0 by measurement: with BM25 on the whole entry, any weight here lowered held-out top-1.</remarks>
    public double Phrase { get; init; }

    /// <summary>Weight of the entry's phrasings taken together as one document.</summary>
    public double Whole { get; init; } = 1.0;

    /// <summary>Weight of the answer text.</summary>
    public double Answer { get; init; } = 0.2;

    /// <summary>Term weight of a single Chinese character relative to a character bigram.</summary>
    public double HanUnigram { get; init; } = 1.0;

    /// <summary>Score the whole-entry field with BM25 instead of cosine.</summary>
    /// <remarks>Measured +8 points top-1 on the evaluation set over cosine: an entry is a bag of many phrasings, and
    /// BM25's saturation keeps one word repeated across them from dominating.</remarks>
    public bool WholeBm25 { get; init; } = true;

    public static FaqRanking Default { get; } = new();
}
