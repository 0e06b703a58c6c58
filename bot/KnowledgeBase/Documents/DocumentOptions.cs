namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// The <c>KnowledgeBase:Documents</c> section: how the manuals are split into passages and when a passage is offered.
/// The threshold is tuned on data with <c>kb eval-documents</c>; see the README.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "KnowledgeBase:Documents";

    /// <summary>Turns passages off entirely (FAQ only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The manuals' folder, relative to <c>KnowledgeBase:Directory</c>.</summary>
    public string Directory { get; set; } = "documents";

    /// <summary>Longest line (sentence group) the chunker keeps together, in tokens (a Han character is one).</summary>
    public int MaxLineTokens { get; set; } = 60;

    /// <summary>Longest passage, in tokens.</summary>
    public int MaxPassageTokens { get; set; } = 200;

    /// <summary>Tokens a passage repeats from the end of the previous one, so an answer split at a boundary still matches.</summary>
    public int OverlapTokens { get; set; } = 40;

    /// <summary>A passage is offered only when no FAQ entry matched and its score (0–1) is at least this.</summary>
    public double Threshold { get; set; } = 0.4;

    /// <summary>Longest excerpt shown to a customer, in characters; it is cut at sentence boundaries.</summary>
    public int MaxExcerptChars { get; set; } = 160;
}
