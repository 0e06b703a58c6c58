using ChatService.KnowledgeBase.Search;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// Finds manual passages for a question the FAQ could not answer. Holds the current immutable index (built at
/// start-up by <see cref="DocumentLoader"/>) and swaps it whole, like the FAQ searcher.
/// </summary>
public sealed class PassageSearcher(IOptionsMonitor<DocumentOptions> options)
{
    private volatile PassageIndex _index = PassageIndex.Empty;

    public PassageIndex Current
    {
        get => _index;
        set => _index = value;
    }

    public DocumentOptions Options => options.CurrentValue;

    /// <summary>The passages worth offering, best first; empty when the FAQ decided anything but "no answer".</summary>
    public IReadOnlyList<PassageHit> Offer(string question, FaqDecision faq, int top = 3) =>
        !Options.Enabled || faq.Kind == FaqDecisionKind.Answer ? [] : PassageDecision.Offer(faq, _index.Search(question, top), Options); // no search when the FAQ answers

    public string Excerpt(Passage passage, string question) =>
        PassageExcerpt.For(passage, question, Options.MaxExcerptChars, _index.Synonyms);
}
