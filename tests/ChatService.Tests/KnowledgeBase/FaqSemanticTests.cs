using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

/// <summary>The meaning signal of English search (real all-MiniLM-L6-v2 vectors, no stand-in).</summary>
public sealed class FaqSemanticTests
{
    /// <summary>The weight and floor chosen on held-out alternates (README: turning the meaning signal on).</summary>
    private static readonly FaqRanking Semantic = FaqRanking.For(new KnowledgeBaseOptions { SemanticWeight = 1.5, SemanticFloor = 0.35 });

    private static FaqEntry Entry(string id, string zh, string en, params string[] alternates) => new()
    {
        Id = id, Category = "policy_service", Status = FaqStatuses.Published,
        Content = new Dictionary<string, FaqContent>
        {
            [FaqLanguages.Simplified] = new(zh, [], "…"),
            [FaqLanguages.English] = new(en, alternates, "…"),
        },
    };

    private static readonly FaqEntry[] Entries =
    [
        Entry("cooling-off", "犹豫期内可以退保吗", "Can I cancel during the cooling-off period?", "free look period", "cancel soon after buying"),
        Entry("hours", "你们的服务时间是什么", "What are your service hours?", "when are you open"),
        Entry("claim-documents", "理赔需要哪些材料", "What documents do I need for a claim?", "claim paperwork"),
        Entry("beneficiary", "怎么更改受益人", "How do I change the beneficiary?", "update who gets the payout"),
    ];

    [Fact]
    public void EnglishQuestion_InOtherWords_FindsTheEntryItsWordsMiss()
    {
        const string question = "I just bought this and changed my mind, can I undo it";
        var lexical = new FaqIndex(Entries).Search(question);
        var semantic = new FaqIndex(Entries, ranking: Semantic).Search(question);

        Assert.True(lexical.Count == 0 || lexical[0].Entry.Id != "cooling-off",
            string.Join(", ", lexical.Select(c => $"{c.Entry.Id} {c.Similarity:F2}")));
        Assert.True(semantic[0].Entry.Id == "cooling-off", string.Join(", ", semantic.Select(c => $"{c.Entry.Id} {c.Similarity:F2}")));
        Assert.InRange(semantic[0].Similarity, 0.05, 1.0);
    }

    [Fact]
    public void ChineseQuestion_WithoutAChineseWeight_IsLeftToTheLexicalFields()
    {
        const string question = "理赔要准备什么材料";
        var lexical = new FaqIndex(Entries).Search(question);
        var semantic = new FaqIndex(Entries, ranking: Semantic).Search(question);

        Assert.Equal(lexical.Select(c => (c.Entry.Id, c.Similarity)), semantic.Select(c => (c.Entry.Id, c.Similarity)));
    }

    [Fact]
    public void UnrelatedEnglishQuestion_GetsNoLiftFromLooseLikeness()
    {
        // Unrelated sentences still have a cosine of 0.1–0.3; below SemanticFloor that counts as nothing.
        const string question = "the quick brown fox jumps over the lazy dog";
        var lexical = new FaqIndex(Entries).Search(question, 4).ToDictionary(c => c.Entry.Id, c => c.Similarity);
        var semantic = new FaqIndex(Entries, ranking: Semantic).Search(question, 4);
        Assert.All(semantic, c => Assert.True(c.Similarity <= lexical.GetValueOrDefault(c.Entry.Id) + 1e-9,
            $"{c.Entry.Id}: {c.Similarity:F3} with the meaning signal, {lexical.GetValueOrDefault(c.Entry.Id):F3} without"));
    }

    [Fact]
    public void RepositoryContent_AParaphraseTheWordsMiss_ReachesTheTopThree()
    {
        var (entries, _) = FaqYamlReader.ReadDirectory(RepoPaths.Faq);
        var live = entries.Where(e => e.IsLive(DateOnly.FromDateTime(DateTime.UtcNow))).ToList();
        const string question = "on what basis do you put together my plan";

        Assert.DoesNotContain(new FaqIndex(live).Search(question), c => c.Entry.Id == "application-plan-design");
        Assert.Contains(new FaqIndex(live, ranking: Semantic).Search(question), c => c.Entry.Id == "application-plan-design");
    }
}
