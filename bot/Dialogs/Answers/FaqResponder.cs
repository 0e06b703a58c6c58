using ChatService.Channels.Protocol;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Search;
using Microsoft.Extensions.Options;

namespace ChatService.Dialogs.Answers;

/// <summary>Turns a knowledge-base decision into a reply: the answer with follow-ups and 👍/👎, or "did you mean".</summary>
public sealed class FaqResponder(FaqSearcher searcher, FaqAnswerRenderer renderer, IOptionsMonitor<KnowledgeBaseOptions> options)
{
    public FaqDecision Ask(string question) => searcher.Ask(question);

    /// <summary>The entry to offer next to a reply that went elsewhere, if the knowledge base is sure enough of one.</summary>
    public FaqCandidate? Related(FaqDecision decision) =>
        decision.Kind != FaqDecisionKind.NoAnswer && decision.Confidence >= options.CurrentValue.RelatedThreshold ? decision.Best : null;

    public FaqEntry? Find(string faqId) => searcher.Current.Entries.FirstOrDefault(e => e.Id == faqId);

    public Activity Answer(FaqEntry entry, string language)
    {
        var reply = SmallTalk.Text(renderer.Answer(entry, language), InputHints.ExpectingInput);
        var actions = ButtonValue.FeedbackPair(language, faqId: entry.Id);
        foreach (var followUp in entry.FollowUps.Select(Find).OfType<FaqEntry>().Take(3))
            actions.Add(new ButtonValue(FaqId: followUp.Id).ToAction(renderer.Question(followUp, language)));
        reply.SuggestedActions = new SuggestedActions { Actions = actions };
        return reply;
    }

    public Activity DidYouMean(IReadOnlyList<FaqCandidate> candidates, string language)
    {
        var reply = SmallTalk.Text(Localizer.Say(language, "您是想问以下哪个问题？", "Did you mean one of these?"), InputHints.ExpectingInput);
        var actions = QuestionButtons(candidates, language).ToList();
        actions.Add(new ButtonValue(NoneOfThese: true).ToAction(Localizer.Say(language, "都不是", "None of these")));
        reply.SuggestedActions = new SuggestedActions { Actions = actions };
        return reply;
    }

    /// <summary>One button per candidate entry, titled with its question in the customer's language.</summary>
    public IEnumerable<CardAction> QuestionButtons(IReadOnlyList<FaqCandidate> candidates, string language) =>
        candidates.Select(c => new ButtonValue(FaqId: c.Entry.Id).ToAction(renderer.Question(c.Entry, language)));

    public Activity AskForQuestion(string language) => SmallTalk.Text(Localizer.Say(language,
        "请直接输入您想了解的问题，例如：“理赔需要哪些材料？”“保单怎么续保？”“会员有哪些权益？”",
        "Please type your question, for example: \"What documents do I need for a claim?\", \"How do I renew my policy?\", \"What member benefits do I get?\""),
        InputHints.ExpectingInput);
}
