namespace ChatService.KnowledgeBase.Documents;

/// <summary>One manual as read from Markdown: its Chinese and English titles and its sections, in order.</summary>
public sealed record Manual(string Source, string Title, string? EnglishTitle, IReadOnlyList<ManualSection> Sections);

/// <summary>The text under one heading, with the chain of headings above it (chapter › section).</summary>
public sealed record ManualSection(IReadOnlyList<string> Path, string Text);
