using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqExactPhrasingsTests
{
    private static FaqEntry Entry(string id, string language, string question, params string[] alternates) => new()
    {
        Id = id, Category = "policy_service", Status = FaqStatuses.Published,
        Content = new Dictionary<string, FaqContent> { [language] = new(question, alternates, "…") },
    };

    // The case from the chat: the rider entry says "what does … my policy … cover" in many ways, so by words alone it
    // outranks the entry an editor gave the customer's exact question.
    private static readonly FaqEntry Rider = Entry("rider", FaqLanguages.English, "what is a rider",
        "what does a rider cover", "does a rider change my cover", "what does an add-on add to my policy", "can a rider extend my cover",
        "how does a rider affect my cover", "what does the extra clause on my policy cover");
    private static readonly FaqEntry Query = Entry("query", FaqLanguages.English, "how can I look up my policy",
        "check my policy", "view my policies", "where are my policy details", "I forgot my policy number", "what does my policy cover");

    [Fact]
    public void Search_QuestionThatIsAnAlternate_RanksItsEntryFirst()
    {
        var index = new FaqIndex([Rider, Query]);
        Assert.Equal("rider", index.Search("so what does my policy cover")[0].Entry.Id); // by words alone, the other entry

        var ranked = index.Search("What does my policy COVER?");

        Assert.Equal("query", ranked[0].Entry.Id);
        Assert.Equal(1.0, ranked[0].Similarity);
        Assert.Equal("rider", ranked[1].Entry.Id);
    }

    [Fact]
    public void Search_TraditionalOrFullWidthFormOfASimplifiedAlternate_MatchesIt()
    {
        var query = Entry("query", FaqLanguages.Simplified, "怎么查询我的保单", "我的保单保什么");
        var other = Entry("other", FaqLanguages.Simplified, "保单保障什么内容", "保什么", "保单保障", "我的保障", "保单都保什么");

        Assert.Equal("query", new FaqIndex([other, query]).Search("我的保單保什麼？")[0].Entry.Id);
        Assert.Equal("query", new FaqIndex([other, query]).Search("我的保单 保什么！")[0].Entry.Id);
    }

    [Fact]
    public void Search_PhrasingSharedByTwoEntries_DecidesNothing()
    {
        var a = Entry("a", FaqLanguages.English, "how do I renew", "renew my policy", "renewal");
        var b = Entry("b", FaqLanguages.English, "how do I cancel", "renew my policy");

        Assert.Null(new FaqExactPhrasings([a, b]).Find("renew my policy"));
        Assert.Equal(1, new FaqExactPhrasings([a, b]).Find("how do i cancel"));
        Assert.All(new FaqIndex([a, b]).Search("renew my policy"), c => Assert.True(c.Similarity < 1.0));
    }

    [Fact]
    public void Search_QuestionLongerThanAPhrasing_IsNotAnExactMatch()
    {
        Assert.Null(new FaqExactPhrasings([Query]).Find("what does my policy cover abroad"));
    }
}
