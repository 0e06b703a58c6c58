using ChatService.KnowledgeBase.Documents;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase.Documents;

public sealed class PassageExcerptTests
{
    private static Passage Passage(string text) => new("manual#1", "manual", "手冊", null, ["一、總則"], text);

    [Fact]
    public void For_LongPassage_StartsAtTheMatchingSentenceAndEndsAtASentenceBoundary()
    {
        var passage = Passage("公司重视服务质量。理赔时效方面，简单赔案应在五个工作日内结案。复杂赔案应及时反馈进展。其他事项另行规定，详见附件说明与补充条款内容。");

        var excerpt = PassageExcerpt.For(passage, "理赔时效", maxChars: 40, FaqSynonyms.None);

        Assert.StartsWith("理赔时效方面", excerpt);
        Assert.EndsWith("。", excerpt);
        Assert.True(excerpt.Length <= 40, excerpt);
        Assert.Contains("复杂赔案", excerpt);
        Assert.DoesNotContain("其他事项", excerpt);
    }

    [Fact]
    public void For_OneSentenceLongerThanTheLimit_IsCutAndMarked()
    {
        var excerpt = PassageExcerpt.For(Passage(new string('赔', 100) + "。"), "赔", maxChars: 30, FaqSynonyms.None);

        Assert.Equal(31, excerpt.Length);
        Assert.EndsWith("…", excerpt);
    }
}
