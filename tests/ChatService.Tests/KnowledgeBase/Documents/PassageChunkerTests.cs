using ChatService.KnowledgeBase.Documents;

namespace ChatService.Tests.KnowledgeBase.Documents;

public sealed class PassageChunkerTests
{
    [Fact]
    public void Chunk_LongChineseSection_StaysWithinTheTokenBudgetAndOverlaps()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"第{i}条规定理赔人员应当在规定时间内完成审核并通知客户结果。");
        var text = string.Concat(sentences);
        var options = new DocumentOptions { MaxLineTokens = 60, MaxPassageTokens = 120, OverlapTokens = 30 };

        var chunks = PassageChunker.Chunk(text, options);

        Assert.True(chunks.Count >= 10, $"{HanTokenCounter.Count(text)} tokens should need at least 10 passages, got {chunks.Count}");
        Assert.All(chunks, c => Assert.True(HanTokenCounter.Count(c) <= options.MaxPassageTokens + options.OverlapTokens, c));
        Assert.Contains(chunks[1].Split('。')[0], chunks[0]); // the second passage repeats the end of the first
        Assert.Contains("第40条", chunks[^1]);
    }

    [Fact]
    public void Split_RealManuals_EveryPassageKnowsItsSourceAndSection()
    {
        var passages = DocumentFixtures.Index.Passages;

        Assert.Equal(4, passages.Select(p => p.Source).Distinct().Count());
        Assert.All(passages, p => Assert.NotEmpty(p.Path));
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
        Assert.All(passages, p => Assert.True(HanTokenCounter.Count(p.Text) <= 2 * DocumentFixtures.Options.MaxPassageTokens, p.Id));
        Assert.Contains(passages, p => p.Source == "quality-management-policy" && p.Section == "五、理賠品質管理" && p.Text.Contains("理賠時效"));
    }
}
