using ChatService.KnowledgeBase.Content;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Answers questions from the published knowledge base. Holds the current immutable index and swaps it whole
/// when content is published, so every search sees exactly one version.
/// </summary>
public sealed class FaqSearcher(IOptionsMonitor<KnowledgeBaseOptions> options)
{
    private volatile FaqIndex _index = new([]);

    public FaqIndex Current => _index;

    private volatile FaqSynonyms _synonyms = FaqSynonyms.None;

    /// <summary>The synonym groups the next published index uses.</summary>
    public FaqSynonyms Synonyms
    {
        get => _synonyms;
        set => _synonyms = value;
    }

    /// <summary>Builds an index over the live entries and makes it current.</summary>
    public FaqIndex Publish(IEnumerable<FaqEntry> entries, DateOnly today)
    {
        var index = FaqIndex.For(entries.Where(e => e.IsLive(today)).ToList(), options.CurrentValue, _synonyms);
        _index = index;
        return index;
    }

    public FaqDecision Ask(string question)
    {
        var settings = options.CurrentValue;
        var ranked = _index.Search(question, Math.Max(settings.SuggestCount, 3) + 1);
        return FaqDecision.Decide(ranked, settings);
    }
}
