using Microsoft.SemanticKernel.Text;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// Splits each section of a manual into passages with Semantic Kernel's <see cref="TextChunker"/>: first into lines
/// at sentence punctuation (it knows 。！？ as well as . ! ?), then lines into overlapping passages, all measured with
/// <see cref="HanTokenCounter"/> so a Chinese passage is as long as its token budget says.
/// </summary>
public static class PassageChunker
{
    public static IReadOnlyList<Passage> Split(Manual manual, DocumentOptions options)
    {
        var passages = new List<Passage>();
        foreach (var section in manual.Sections)
            foreach (var chunk in Chunk(section.Text, options))
                passages.Add(new Passage($"{manual.Source}#{passages.Count + 1}", manual.Source, manual.Title, manual.EnglishTitle, section.Path, chunk));
        return passages;
    }

    // TextChunker is marked experimental (SKEXP0050) because its API may still change; we pin Semantic Kernel's version
    // and the chunker tests cover what we rely on, so the diagnostic is suppressed here and only here.
#pragma warning disable SKEXP0050
    internal static List<string> Chunk(string text, DocumentOptions options)
    {
        var lines = TextChunker.SplitPlainTextLines(text, options.MaxLineTokens, HanTokenCounter.Count);
        var chunks = TextChunker.SplitPlainTextParagraphs(lines, options.MaxPassageTokens, options.OverlapTokens, chunkHeader: null, HanTokenCounter.Count);
        return chunks.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
    }
#pragma warning restore SKEXP0050
}
