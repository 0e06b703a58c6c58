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
