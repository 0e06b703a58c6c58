namespace ChatService.KnowledgeBase.Documents;

/// <summary>Reads every manual (<c>*.md</c>) in a folder and splits them into passages, in file-name order.</summary>
public static class ManualLibrary
{
    public static IReadOnlyList<Passage> Load(string directory, DocumentOptions options)
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => PassageChunker.Split(ManualReader.Read(f), options)).ToList();
    }
}
