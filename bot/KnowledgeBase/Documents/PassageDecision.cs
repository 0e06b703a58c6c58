using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// When passages are offered: never over an FAQ answer; when the FAQ has no answer or only a "did you mean" (then the
/// bot keeps its suggestions as buttons under the excerpt), passages scoring at least <see cref="DocumentOptions.Threshold"/>. Shared by the bot and
/// <c>kb eval-documents</c>, so the measured figures are the bot's behaviour.
/// </summary>
public static class PassageDecision
{
    public static IReadOnlyList<PassageHit> Offer(FaqDecision faq, IReadOnlyList<PassageHit> ranked, DocumentOptions options) =>
        faq.Kind == FaqDecisionKind.Answer ? [] : ranked.Where(h => h.Score >= options.Threshold).ToList();
}
