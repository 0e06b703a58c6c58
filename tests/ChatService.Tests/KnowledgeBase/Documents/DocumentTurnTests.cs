using ChatService.Dialogs;
using ChatService.KnowledgeBase.Feedback;
using ChatService.Tests.Dialogs;
using ChatService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.KnowledgeBase.Documents;

/// <summary>Manual passages through the real turn pipeline (the service as shipped: no LLM configured).</summary>
[Collection(BotHostCollection.Name)]
public sealed class DocumentTurnTests(BotHost host)
{
    [Fact]
    public async Task Send_QuestionOnlyAManualAnswers_GetsAnExcerptWithItsSource()
    {
        var reply = await host.Chat("zh-CN").Send("品质管理部门有哪些职责")
            .ExpectReply(r => r.Route == Routes.Faq && r.FaqId is null, "a manual passage, not an FAQ entry");

        var diagnostics = ChatService.Dialogs.Diagnostics.Read(reply.Activity)!;
        Assert.Equal("quality-management-policy", (string?)diagnostics["source"]);
        Assert.Equal("二、組織架構與職責", (string?)diagnostics["section"]);
        Assert.StartsWith("quality-management-policy#", (string?)diagnostics["passageId"]);
        Assert.True((double)diagnostics["score"]! >= 0.4);
        Assert.Contains("来源：保险品质管理制度 › 二、组织架构与职责", reply.Text); // in the customer's (Simplified) script
        Assert.Contains("> ", reply.Text);
        Assert.Contains("品质管理", reply.Text);
        Assert.Equal(["👍 有帮助", "👎 没帮助"], reply.Buttons.Take(2).Select(b => b.Title));
        // Any further buttons are the FAQ's "did you mean" guesses, kept under the excerpt.
        Assert.All(reply.Buttons.Skip(2), b => Assert.Contains("faqId", b.Value?.ToString() ?? ""));
    }

    [Fact]
    public async Task Send_TraditionalQuestion_GetsTheExcerptInTraditionalScript()
    {
        var reply = await host.Chat("zh-TW").Send("品質管理部門有哪些職責").ExpectReply(r => r.Route == Routes.Faq);

        Assert.Contains("來源：保險品質管理制度 › 二、組織架構與職責", reply.Text);
    }

    [Theory]
    [InlineData("明天股市会涨吗")]
    [InlineData("红烧肉怎么做好吃")]
    [InlineData("比特币现在多少钱")]
    public async Task Send_MustNotAnswerQuestion_GetsNoExcerpt(string question)
    {
        var reply = await host.Chat("zh-CN").Send(question).ExpectReply(r => true);

        Assert.Null(ChatService.Dialogs.Diagnostics.Read(reply.Activity)!["passageId"]);
        Assert.DoesNotContain("来源：", reply.Text);
    }

    [Fact]
    public async Task Click_ThumbsUpOnAnExcerpt_IsCountedAgainstThePassage()
    {
        var chat = host.Chat("zh-CN");
        var excerpt = await chat.Send("品质管理部门有哪些职责").ExpectReply(r => r.Route == Routes.Faq && r.FaqId is null);
        var passageId = (string)ChatService.Dialogs.Diagnostics.Read(excerpt.Activity)!["passageId"]!;
        var store = host.Services.GetRequiredService<FaqFeedbackStore>();
        var before = await store.ReadAsync($"passage:{passageId}", CancellationToken.None);

        await chat.Click(excerpt.Buttons.Single(b => b.Title == "👍 有帮助")).ExpectReply(r => r.Text.Contains("感谢您的反馈"));

        var after = await store.ReadAsync($"passage:{passageId}", CancellationToken.None);
        Assert.Equal(before.Up + 1, after.Up);
    }
}
