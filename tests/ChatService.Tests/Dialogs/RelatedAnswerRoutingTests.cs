using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Dialogs;
using ChatService.Dialogs.State;
using ChatService.Nlu;
using ChatService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Dialogs;

/// <summary>
/// How the knowledge base shows up when the classifier sent a question elsewhere. The router is the host's own, with
/// its real knowledge base; only the classifier's verdict is fixed here, so each test pins one routing rule.
/// </summary>
[Collection(BotHostCollection.Name)]
public sealed class RelatedAnswerRoutingTests(BotHost host)
{
    private const string StayedInHospital = "i want to claim my dad's hospital bills";

    [Fact]
    public async Task FlowRequest_TheKnowledgeBaseAlsoAnswers_KeepsTheFlowAndOffersTheEntryBeforeNothingElse()
    {
        var reply = await Route(StayedInHospital, Verdict(Intents.ClaimReport, 0.9));

        Assert.Equal(Routes.Flow(Intents.ClaimReport), Diagnostics(reply)["route"]?.GetValue<string>());
        var offered = Assert.Single(FaqButtons(reply));
        Assert.Equal("claims-documents-medical", offered);
        Assert.Equal(offered, Diagnostics(reply)["relatedFaqId"]?.GetValue<string>());
    }

    [Fact]
    public async Task FlowRequest_TheKnowledgeBaseKnowsNothingOf_IsTheFlowAlone()
    {
        var reply = await Route("P12345678", Verdict(Intents.PolicyLookup, 0.9));

        Assert.Empty(FaqButtons(reply));
        Assert.Null(Diagnostics(reply)["relatedFaqId"]);
    }

    [Fact]
    public async Task HandOff_IsNotCrowdedWithAnEntry()
    {
        var reply = await Route("想跟人工客服说几句", Verdict(Intents.HumanAgent, 0.9));

        Assert.Equal(Routes.Handoff, Diagnostics(reply)["route"]?.GetValue<string>());
        Assert.Empty(FaqButtons(reply));
    }

    [Fact]
    public async Task UnsureClassifierLeaningToFaq_GetsTheKnowledgeBaseGuessesNotAChoiceOfIntents()
    {
        var reply = await Route("你哋幾點開始幾點收工", Verdict(Intents.OutOfScope, 0.45, top: Intents.Faq));

        Assert.Equal(Routes.Clarify, Diagnostics(reply)["route"]?.GetValue<string>());
        Assert.Contains("channels-service-hours", FaqButtons(reply));
        Assert.DoesNotContain(reply.SuggestedActions!.Actions, a => a.Value?["chatservice"]?["intent"] is not null);
    }

    [Fact]
    public async Task UnsureClassifierLeaningToAFlow_OffersTheIntentsAndTheEntry_NoneOfTheseLast()
    {
        // The knowledge base is fairly but not fully sure (claims-how-to-report), so this is no direct answer.
        var reply = await Route("交通意外 想申請賠款", Verdict(Intents.OutOfScope, 0.45, top: Intents.ClaimReport));

        Assert.Equal(Routes.Clarify, Diagnostics(reply)["route"]?.GetValue<string>());
        var actions = reply.SuggestedActions!.Actions;
        Assert.Contains(actions, a => (string?)a.Value?["chatservice"]?["intent"] == Intents.ClaimReport);
        Assert.Contains("claims-how-to-report", FaqButtons(reply));
        Assert.True(actions[^1].Value?["chatservice"]?["none"]?.GetValue<bool>(), "'none of these' stays the last choice");
    }

    [Fact]
    public async Task NotOurBusiness_IsRefusedWithoutEntries()
    {
        var reply = await Route("今天北京天气怎么样", Verdict(Intents.OutOfScope, 0.9, top: Intents.OutOfScope));

        Assert.Equal(Routes.Fallback, Diagnostics(reply)["route"]?.GetValue<string>());
        Assert.Empty(FaqButtons(reply));
    }

    private static IntentResult Verdict(string intent, double confidence, string? top = null) => new()
    {
        Intent = intent,
        Confidence = confidence,
        TopIntent = top ?? intent,
        IsOutOfScope = intent == Intents.OutOfScope,
        Language = NluLanguages.English,
        ReplyLanguage = NluLanguages.English,
        Alternatives = [new IntentScore(top ?? intent, confidence), new IntentScore(Intents.HumanAgent, 0.05)],
    };

    private async Task<Activity> Route(string text, IntentResult verdict)
    {
        var router = ActivatorUtilities.CreateInstance<MessageRouter>(host.Services, (IIntentClassifier)new FixedClassifier(verdict));
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = text, Conversation = new ConversationAccount { Id = "related-" + Guid.NewGuid().ToString("N") },
        };
        var routed = await router.RouteAsync(activity, new ConversationData(), CancellationToken.None);
        return routed.Reply.WithDiagnostics(routed.Diagnostics);
    }

    private static JsonObject Diagnostics(Activity reply) => ChatService.Dialogs.Diagnostics.Read(reply)!;

    /// <summary>The entries offered as buttons (not the 👍/👎 of an answer).</summary>
    private static List<string> FaqButtons(Activity reply) =>
        (reply.SuggestedActions?.Actions ?? []).Select(a => a.Value?["chatservice"] as JsonObject)
            .Where(v => v is not null && v["feedback"] is null).Select(v => (string?)v!["faqId"]).OfType<string>().ToList();

    private sealed class FixedClassifier(IntentResult verdict) : IIntentClassifier
    {
        public bool IsReady => true;
        public IntentResult Classify(string? text, string? localeHint = null) => verdict;
    }
}
