using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// When passages are offered: only when the FAQ search decided "no answer" (an FAQ answer or "did you mean" always
/// wins), and only passages scoring at least <see cref="DocumentOptions.Threshold"/>. Shared by the bot and
/// <c>kb eval-documents</c>, so the measured figures are the bot's behaviour.
/// </summary>
public static class PassageDecision
{
    public static IReadOnlyList<PassageHit> Offer(FaqDecision faq, IReadOnlyList<PassageHit> ranked, DocumentOptions options) =>
        faq.Kind != FaqDecisionKind.NoAnswer ? [] : ranked.Where(h => h.Score >= options.Threshold).ToList();
}
