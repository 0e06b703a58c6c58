namespace ChatService.KnowledgeBase.Documents;

/// <summary>One manual as read from Markdown: its Chinese and English titles and its sections, in order.</summary>
public sealed record Manual(string Source, string Title, string? EnglishTitle, IReadOnlyList<ManualSection> Sections);

/// <summary>The text under one heading, with the chain of headings above it (chapter › section).</summary>
public sealed record ManualSection(IReadOnlyList<string> Path, string Text);

/// <summary>
/// One retrievable passage of a manual: a chunk of one section. <see cref="Id"/> is stable while the manual does
/// not change (<c>source#number</c>).
/// </summary>
public sealed record Passage(string Id, string Source, string Title, string? EnglishTitle, IReadOnlyList<string> Path, string Text)
{
    /// <summary>"第2章 服務實施過程 › 二、服務咨詢與解答"; empty for text before the first heading.</summary>
    public string Section => string.Join(" › ", Path);
}
