using ChatService.KnowledgeBase.Documents;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase.Documents;

public sealed class PassageSearchTests
{
    [Theory]
    [InlineData("品质管理委员会负责什么", "二、組織架構與職責")]
    [InlineData("品質管理委員會負責甚麼", "二、組織架構與職責")]          // Traditional finds the same section
    [InlineData("服务纠纷怎样处理", "第6章 服務風險與合規 › 三、服務糾紛處理")]
    [InlineData("会员信息怎么保管", "五、會員信息管理")]
    public void Search_QuestionAboutAManualSection_FindsThatSectionAboveTheThreshold(string question, string section)
    {
        var best = DocumentFixtures.Index.Search(question)[0];

        Assert.Equal(section, best.Passage.Section);
        Assert.True(best.Score >= DocumentFixtures.Options.Threshold, $"score {best.Score:F2}");
    }

    [Theory]
    [InlineData("明天股市会涨吗")]
    [InlineData("红烧肉怎么做好吃")]
    [InlineData("比特币现在多少钱")]
    public void Search_UnrelatedQuestion_ScoresBelowTheThreshold(string question)
    {
        var hits = DocumentFixtures.Index.Search(question);

        Assert.True(hits.Count == 0 || hits[0].Score < DocumentFixtures.Options.Threshold, $"{hits[0].Passage.Id} {hits[0].Score:F2}");
    }

    [Fact]
    public void Search_EnglishQuestion_FindsNothingBecauseTheManualsAreChinese()
    {
        var hits = DocumentFixtures.Index.Search("what does the quality management committee do");

        Assert.True(hits.Count == 0 || hits[0].Score < DocumentFixtures.Options.Threshold);
    }

    [Fact]
    public void Offer_FaqAnswers_OffersNoPassage_ButOnlySuggestionsDoNotBlockOne()
    {
        var ranked = DocumentFixtures.Index.Search("品质管理委员会负责什么");
        var options = DocumentFixtures.Options;

        Assert.NotEmpty(PassageDecision.Offer(new FaqDecision(FaqDecisionKind.NoAnswer, 0.1, []), ranked, options));
        Assert.NotEmpty(PassageDecision.Offer(new FaqDecision(FaqDecisionKind.Suggest, 0.3, []), ranked, options));
        Assert.Empty(PassageDecision.Offer(new FaqDecision(FaqDecisionKind.Answer, 0.9, []), ranked, options));
    }
}
