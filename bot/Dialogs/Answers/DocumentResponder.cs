using ChatService.Channels.Protocol;
using ChatService.KnowledgeBase.Answering;
using ChatService.KnowledgeBase.Documents;
using ChatService.KnowledgeBase.Search;
using ChatService.Nlu;

namespace ChatService.Dialogs.Answers;

/// <summary>
/// Answers from the manuals when the FAQ has no answer (or only a "did you mean", whose suggestions stay as buttons): a grounded answer citing passages when a model is configured
/// (and it finds support), else a short excerpt with its source; 👍/👎 on the passage. Null: nothing to offer
/// (no passage clears the threshold, or the model found the passages do not answer the question).
/// </summary>
public sealed class DocumentResponder(PassageSearcher passages, FaqResponder faq, GroundedAnswerer answerer)
{
    public async Task<RoutedReply?> TryAnswerAsync(string question, string language, TurnDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        var decision = faq.Ask(question);
        var hits = passages.Offer(question, decision, Math.Max(3, answerer.PassageCount));
        if (hits.Count == 0) return null;
        var reply = await ReplyAsync(question, hits, language, diagnostics, cancellationToken);
        if (reply is not null && decision.Kind == FaqDecisionKind.Suggest)
            reply.Reply.SuggestedActions!.Actions.AddRange(faq.QuestionButtons(decision.Candidates, language));
        return reply;
    }

    private async Task<RoutedReply?> ReplyAsync(string question, IReadOnlyList<PassageHit> hits, string language, TurnDiagnostics diagnostics,
        CancellationToken cancellationToken)
    {
        var best = hits[0];
        var answered = diagnostics with
        {
            Route = Routes.Faq, PassageId = best.Passage.Id, Source = best.Passage.Source, Section = best.Passage.Section, Score = best.Score,
        };
        if (answerer.IsEnabled)
        {
            var given = hits.Take(answerer.PassageCount).Select(h => h.Passage).ToList();
            var answer = await answerer.AnswerAsync(question, given, language, cancellationToken);
            if (answer.Kind == GroundedOutcomeKind.Refused) return null;
            if (answer is { Kind: GroundedOutcomeKind.Answered, Cited: { } cited })
            {
                var first = cited[0].Passage;
                return new(Grounded(answer.Text, cited, language, first.Id), answered with
                {
                    PassageId = first.Id, Source = first.Source, Section = first.Section,
                    Score = hits.First(h => h.Passage.Id == first.Id).Score, Citations = cited.Select(c => c.Passage.Id).ToList(),
                });
            }
        }
        return new(Excerpt(best.Passage, passages.Excerpt(best.Passage, question), language), answered);
    }

    private static Activity Excerpt(Passage passage, string excerpt, string language)
    {
        var intro = Localizer.Say(language, "常见问题里没有现成的答案，服务手册中的这一段可能有帮助：", "I have no ready answer for that, but this part of our service manual (in Chinese) may help:");
        var source = Localizer.Say(language, "来源：", "Source: ");
        return WithFeedback($"{intro}\n\n> {InScript(excerpt, language)}\n\n{source}{Name(passage, language)}", passage.Id, language);
    }

    private static Activity Grounded(string answer, IReadOnlyList<(int Number, Passage Passage)> cited, string language, string passageId)
    {
        var sources = string.Join("\n", cited.Select(c => $"[{c.Number}] {Name(c.Passage, language)}"));
        var note = Localizer.Say(language, "以上回答根据服务手册整理：", "This answer is put together from our service manuals:");
        return WithFeedback($"{answer}\n\n{note}\n\n{sources}", passageId, language);
    }

    /// <summary>"保险品质管理制度 › 五、理赔品质管理", in the customer's script; the English title for English customers.</summary>
    private static string Name(Passage passage, string language)
    {
        var title = language == NluLanguages.English && passage.EnglishTitle is { } english ? english : InScript(passage.Title, language);
        return passage.Section.Length == 0 ? title : $"{title} › {InScript(passage.Section, language)}";
    }

    /// <summary>The manuals are in Traditional script; a Simplified-script customer reads them in Simplified.</summary>
    private static string InScript(string text, string language) => language switch
    {
        NluLanguages.SimplifiedChinese => ScriptConverter.ToSimplified(text),
        NluLanguages.TraditionalChinese => ScriptConverter.ToTraditional(text),
        _ => text,
    };

    private static Activity WithFeedback(string text, string passageId, string language)
    {
        var reply = SmallTalk.Text(text, InputHints.ExpectingInput);
        reply.SuggestedActions = new SuggestedActions { Actions = ButtonValue.FeedbackPair(language, passageId: passageId) };
        return reply;
    }
}
