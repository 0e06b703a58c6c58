using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqSynonymsTests
{
    private static readonly FaqSynonyms Synonyms = new([["理赔", "索偿", "赔付"], ["材料", "文件", "证明文件"], ["claim", "payout"]]);

    [Theory]
    [InlineData("索償要交甚麼檔案", "理赔")]
    [InlineData("赔付需要什么证明文件", "理赔需要什么材料")]
    [InlineData("when is the payout", "when is the claim")]
    public void Apply_VariantsBecomeTheCanonicalWord(string text, string expectedPart)
    {
        var normalized = ChatService.Nlu.TextNormalizer.Normalize(text);

        Assert.Contains(expectedPart, Synonyms.Apply(normalized));
    }

    [Theory]
    [InlineData("點樣投訴", "怎么投诉")]
    [InlineData("理賠要幾耐先有錢收", "理赔要多久先有钱收")]
    [InlineData("我冇收到通知", "我没有收到通知")]
    [InlineData("喺邊度辦理", "在哪里办理")]
    [InlineData("可唔可以網上買", "可不可以线上买")] // 网上 is itself a variant of 线上
    [InlineData("唔該晒", "唔该晒")] // 唔 stays: 唔该 is "thank you", not "should not"
    public void RepositorySynonyms_CantoneseWordsBecomeTheMandarinOnesTheEntriesUse(string text, string expected)
    {
        var synonyms = FaqSynonyms.Load(Path.Combine(RepoPaths.Root, "knowledge-base", "synonyms.yaml"));

        Assert.Equal(expected, synonyms.Apply(ChatService.Nlu.TextNormalizer.Normalize(text)));
    }

    [Fact]
    public void Check_WordInTwoGroupsOrALoneWord_IsReportedWithItsLine_AndTheRepositoryFileIsClean()
    {
        var path = Path.Combine(Path.GetTempPath(), $"synonyms-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "- [理赔, 索偿]\n- [保单, 保險單, 保险单]\n- [索償, 申索]\n- [网站]\n");
        try
        {
            var issues = FaqSynonyms.Check(path).Select(i => i.ToString()).ToList();

            Assert.Equal(2, issues.Count); // 保險單 and 保险单 in one group are one word, not a conflict
            Assert.Contains(issues, i => i.Contains(":3: '索偿' is already in the group on line 1"));
            Assert.Contains(issues, i => i.Contains(":4: a synonym group needs at least two different words"));
        }
        finally { File.Delete(path); }
        Assert.Empty(FaqSynonyms.Check(Path.Combine(RepoPaths.Root, "knowledge-base", "synonyms.yaml")));
    }

    [Fact]
    public void Apply_EnglishVariantInsideAnotherWord_IsLeftAlone()
    {
        Assert.Equal("payouts pending", Synonyms.Apply("payouts pending"));
    }

    [Fact]
    public void Search_WithSynonyms_MatchesRegionalWording()
    {
        var entry = new ChatService.KnowledgeBase.Content.FaqEntry
        {
            Id = "claims-documents", Category = "claims",
            Content = new Dictionary<string, ChatService.KnowledgeBase.Content.FaqContent>
            {
                ["zh-Hans"] = new("理赔需要什么材料", ["理赔要准备哪些材料"], "…"),
            },
        };
        var other = entry with { Id = "renewal", Content = new Dictionary<string, ChatService.KnowledgeBase.Content.FaqContent> { ["zh-Hans"] = new("怎么续保", ["续保流程"], "…") } };

        var ranked = new FaqIndex([entry, other], synonyms: Synonyms).Search("索償要交甚麼文件");

        Assert.Equal("claims-documents", ranked[0].Entry.Id);
        Assert.True(ranked[0].Similarity > new FaqIndex([entry, other]).Search("索償要交甚麼文件").FirstOrDefault()?.Similarity + 0.1);
    }
}
