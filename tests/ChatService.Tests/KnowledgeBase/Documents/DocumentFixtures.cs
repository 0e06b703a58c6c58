using ChatService.KnowledgeBase.Documents;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase.Documents;

/// <summary>The repository's own manuals, read and indexed once with the shipped settings.</summary>
internal static class DocumentFixtures
{
    public static string Directory => Path.Combine(RepoPaths.Root, "knowledge-base", "documents");

    public static DocumentOptions Options { get; } = new();

    public static string Manual(string name) => Path.Combine(Directory, name + ".md");

    private static readonly Lazy<PassageIndex> LazyIndex = new(() => new PassageIndex(
        ManualLibrary.Load(Directory, Options), FaqSynonyms.Load(Path.Combine(RepoPaths.Root, "knowledge-base", "synonyms.yaml"))));

    public static PassageIndex Index => LazyIndex.Value;
}
