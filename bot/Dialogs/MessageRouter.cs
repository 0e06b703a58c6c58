using ChatService.Channels.Protocol;
using ChatService.Dialogs.Answers;
using ChatService.Dialogs.State;
using ChatService.KnowledgeBase.Feedback;
using ChatService.KnowledgeBase.Inbox;
using ChatService.KnowledgeBase.Search;
using ChatService.Nlu;

namespace ChatService.Dialogs;

/// <summary>
/// Decides what to do with a customer's message: a button they clicked, else the classifier's intent, with the
/// knowledge base for informational questions; unsure → clarify; not ours → a polite refusal; two misses → a person.
/// </summary>
public sealed class MessageRouter(
    IIntentClassifier classifier, SmallTalk talk, FlowGuide flows, FaqResponder faq, FaqFeedbackStore feedback, UnansweredQuestions inbox,
    DocumentResponder documents)
{
    /// <summary>Below this a low-confidence in-scope guess is not worth offering as a choice.</summary>
    private const double ClarifyFloor = 0.3;

    /// <summary>The flow helper intent "cancel": outside a flow it just means "never mind".</summary>
    private const string CancelIntent = "cancel";

    private static readonly string[] ServiceIntents =
        [Intents.ClaimReport, Intents.ClaimStatus, Intents.PolicyLookup, Intents.Complaint, Intents.Faq, Intents.HumanAgent];

    public async Task<RoutedReply> RouteAsync(Activity activity, ConversationData data, CancellationToken cancellationToken)
    {
        var text = activity.Text ?? "";
        var result = classifier.Classify(text, activity.Locale);
        var language = string.IsNullOrWhiteSpace(text) && data.Language is { } known ? known : result.ReplyLanguage;
        var offerPerson = data.Misunderstandings >= 1;
        var button = ButtonValue.From(activity);

        var conversationId = activity.Conversation?.Id;
        if (button is { Feedback: { } vote, FaqId: { } votedId })
        {
            if (vote != "up") await inbox.RecordAsync(data.LastQuestion, language, InboxKinds.ThumbsDown, votedId, conversationId, cancellationToken);
            return await FeedbackAsync(votedId, null, vote == "up", language, cancellationToken);
        }
        if (button is { Feedback: { } passageVote, PassageId: { } passageId })
        {
            if (passageVote != "up") await inbox.RecordAsync(data.LastQuestion, language, InboxKinds.ThumbsDown, null, conversationId, cancellationToken);
            return await FeedbackAsync(null, passageId, passageVote == "up", language, cancellationToken);
        }
        if (button?.FaqId is { } faqId && faq.Find(faqId) is { } chosen)
            return Faq(chosen, language, 1.0, Intents.Faq, result);
        if (button?.NoneOfThese == true)
        {
            await inbox.RecordAsync(data.LastQuestion, language, InboxKinds.NoneOfThese, null, conversationId, cancellationToken);
            return new(talk.NotUnderstood(language, offerPerson), new TurnDiagnostics(language, Routes.Fallback, Intents.Faq, 1.0));
        }
        if (button?.Intent is { } intent)
            return RouteIntent(intent, 1.0, "", language, offerPerson, result);
        var files = activity.Attachments?.Where(a => a.ContentUrl is not null).Select(a => a.Name ?? "").ToList() ?? [];
        if (string.IsNullOrWhiteSpace(text) && files.Count > 0) return FilesReceived(files, language);

        if (button is null && !string.IsNullOrWhiteSpace(text)) data.LastQuestion = inbox.Mask(text);
        var routed = RouteText(text, result, language, offerPerson);
        // No FAQ answer and nothing else fits, or only a guess: a passage of the manuals may still help (never over an FAQ answer).
        if (routed.Diagnostics.Route is Routes.Fallback or Routes.Clarify && files.Count == 0 && button is null && !string.IsNullOrWhiteSpace(text)
            && await documents.TryAnswerAsync(text, language, routed.Diagnostics, cancellationToken) is { } fromManuals)
            return fromManuals;
        // A file with a caption the bot can't place ("现场照片") is still a file the customer sent: confirm it.
        if (files.Count > 0 && routed.Diagnostics.Route == Routes.Fallback) return FilesReceived(files, language);
        if (routed.Diagnostics.Route == Routes.Fallback && routed.Diagnostics.Intent == Intents.Faq)
            await inbox.RecordAsync(data.LastQuestion, language, InboxKinds.NoAnswer, null, conversationId, cancellationToken);
        // A choice of intents, or a service guess too weak even to offer ("sorry, I didn't quite understand"): both are
        // the classifier unsure of a request the service may well handle.
        else if (routed.Diagnostics.Route == Routes.Clarify
            || (routed.Diagnostics.Route == Routes.Fallback && routed.Diagnostics.Intent is { } guessed && ServiceIntents.Contains(guessed)))
            await inbox.RecordAsync(data.LastQuestion, language, InboxKinds.LowConfidence, null, conversationId, cancellationToken);
        return routed;
    }

    private RoutedReply FilesReceived(IReadOnlyList<string> files, string language) =>
        new(talk.FilesReceived(language, files), new TurnDiagnostics(language, Routes.Fallback)) { Understood = null };

    private RoutedReply RouteText(string text, IntentResult result, string language, bool offerPerson)
    {
        if (result.IsOutOfScope)
        {
            var decision = faq.Ask(text);
            if (decision.Kind == FaqDecisionKind.Answer) return Faq(decision.Best!.Entry, language, decision.Confidence, result.Intent, result);
            // The classifier leaned towards an informational question without being sure: the knowledge base's guesses
            // are a better clarification than a choice of intents.
            if (decision.Kind == FaqDecisionKind.Suggest && result.TopIntent == Intents.Faq)
                return new(faq.DidYouMean(decision.Candidates, language), Diagnose(language, Routes.Clarify, result));
            if (result.TopIntent != Intents.OutOfScope && result.Confidence >= ClarifyFloor) return WithRelatedAnswer(Clarify(result, language), decision, language);
            var refusal = result.TopIntent == Intents.OutOfScope ? talk.OutOfScope(language, offerPerson) : talk.NotUnderstood(language, offerPerson);
            return new(refusal, Diagnose(language, Routes.Fallback, result));
        }
        if (result.IsAmbiguous && result.Intent != Intents.Faq) return WithRelatedAnswer(Clarify(result, language), faq.Ask(text), language);
        return RouteIntent(result.Intent, result.Confidence, text, language, offerPerson, result);
    }

    private RoutedReply RouteIntent(string intent, double confidence, string question, string language, bool offerPerson, IntentResult result)
    {
        var diagnostics = new TurnDiagnostics(language, Routes.Fallback, intent, confidence) { Entities = result.Entities };
        switch (intent)
        {
            case Intents.Greeting: return new(talk.Greeting(language), diagnostics with { Route = Routes.Greeting });
            case Intents.Goodbye: return new(talk.Goodbye(language), diagnostics with { Route = Routes.Goodbye });
            case Intents.Thanks: return new(talk.Thanks(language), diagnostics with { Route = Routes.Thanks });
            // No related entry here: for someone who asked for a person, the knowledge base's best match is mostly
            // "how do I reach a person", which the hand-off itself answers.
            case Intents.HumanAgent: return new(talk.Handoff(language), diagnostics with { Route = Routes.Handoff });
            case Intents.ClaimReport or Intents.ClaimStatus or Intents.Complaint or Intents.PolicyLookup:
                return WithRelatedAnswer(new(flows.For(intent, language, result.Entities), diagnostics with { Route = Routes.Flow(intent) }), Ask(question), language);
            case Intents.Faq when question.Length == 0:
                return new(faq.AskForQuestion(language), diagnostics with { Route = Routes.Faq });
            case Intents.Faq:
                var decision = faq.Ask(question);
                return decision.Kind switch
                {
                    FaqDecisionKind.Answer => Faq(decision.Best!.Entry, language, decision.Confidence, intent, result),
                    FaqDecisionKind.Suggest => new(faq.DidYouMean(decision.Candidates, language), diagnostics with { Route = Routes.Clarify }),
                    _ => new(talk.NotUnderstood(language, offerPerson), diagnostics),
                };
            case CancelIntent: return new(talk.StillThere(language), diagnostics);
            default: return new(talk.NotUnderstood(language, offerPerson), diagnostics);
        }
    }

    /// <summary>
    /// A request that goes to a flow or to a choice of intents may also be a question the knowledge base
    /// answers ("how long does a claim take" is both claim_status and the claims-timeline entry): the reply keeps its
    /// route and offers that entry as a button (before "none of these"), so the customer gets whichever they meant.
    /// </summary>
    private RoutedReply WithRelatedAnswer(RoutedReply routed, FaqDecision? decision, string language)
    {
        if (decision is null || faq.Related(decision) is not { } best) return routed;
        var actions = routed.Reply.SuggestedActions?.Actions ?? [];
        var none = actions.FindIndex(a => a.Value?["chatservice"]?["none"] is not null);
        actions.InsertRange(none < 0 ? actions.Count : none, faq.QuestionButtons([best], language));
        routed.Reply.SuggestedActions = new SuggestedActions { Actions = actions };
        return routed with { Diagnostics = routed.Diagnostics with { RelatedFaqId = best.Entry.Id } };
    }

    /// <summary>A button press carries no question (empty text): nothing to look up.</summary>
    private FaqDecision? Ask(string question) => question.Length == 0 ? null : faq.Ask(question);

    private RoutedReply Faq(KnowledgeBase.Content.FaqEntry entry, string language, double score, string intent, IntentResult result) =>
        new(faq.Answer(entry, language), new TurnDiagnostics(language, Routes.Faq, intent, result.Confidence)
        {
            Entities = result.Entities, FaqId = entry.Id, FaqCategory = entry.Category, Score = score,
        });

    private static RoutedReply Clarify(IntentResult result, string language)
    {
        var candidates = new[] { result.TopIntent }.Concat(result.Alternatives.Select(a => a.Intent))
            .Where(ServiceIntents.Contains).Distinct().Take(3).ToList();
        if (candidates.Count == 0) candidates = [Intents.Faq, Intents.HumanAgent];
        var reply = SmallTalk.Text(Localizer.Say(language, "我不太确定您的意思，您是想：", "Just to be sure, which of these do you mean?"), InputHints.ExpectingInput);
        var actions = candidates.Select(i => new ButtonValue(Intent: i).ToAction(HelpMenu.Label(i, language))).ToList();
        actions.Add(new ButtonValue(NoneOfThese: true).ToAction(Localizer.Say(language, "都不是", "None of these")));
        reply.SuggestedActions = new SuggestedActions { Actions = actions };
        return new(reply, Diagnose(language, Routes.Clarify, result));
    }

    /// <summary>Records a vote on an FAQ entry or (counted under <c>passage:{id}</c>) on a manual passage.</summary>
    private async Task<RoutedReply> FeedbackAsync(string? faqId, string? passageId, bool helpful, string language, CancellationToken cancellationToken)
    {
        await feedback.RecordAsync(faqId ?? $"passage:{passageId}", helpful, cancellationToken);
        var reply = helpful
            ? SmallTalk.Text(Localizer.Say(language, "感谢您的反馈！还有其他可以帮您的吗？", "Thanks for the feedback! Anything else I can help with?"), InputHints.ExpectingInput)
            : talk.NotUnderstood(language, offerPerson: true);
        if (!helpful) reply.Text = Localizer.Say(language, "抱歉这个回答没能帮到您，我们会改进它。", "Sorry that answer didn't help; we'll improve it.") + "\n\n" + reply.Text;
        var entry = faqId is null ? null : faq.Find(faqId);
        return new(reply, new TurnDiagnostics(language, Routes.Faq, Intents.Faq, 1.0) { FaqId = faqId, FaqCategory = entry?.Category, PassageId = passageId });
    }

    private static TurnDiagnostics Diagnose(string language, string route, IntentResult result) =>
        new(language, route, result.TopIntent, result.Confidence) { Entities = result.Entities };
}
