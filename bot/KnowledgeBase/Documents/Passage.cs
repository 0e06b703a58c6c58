namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// One retrievable passage of a manual: a chunk of one section. <see cref="Id"/> is stable while the manual does
/// not change (<c>source#number</c>).
/// </summary>
public sealed record Passage(string Id, string Source, string Title, string? EnglishTitle, IReadOnlyList<string> Path, string Text)
{
    /// <summary>"第2章 服務實施過程 › 二、服務咨詢與解答"; empty for text before the first heading.</summary>
    public string Section => string.Join(" › ", Path);
}
