using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqSearchTests
{
    private static readonly List<FaqEntry> Live = FaqYamlReader.ReadDirectory(RepoPaths.Faq).Entries
        .Where(e => e.IsLive(new DateOnly(2026, 11, 23))).ToList();
    private static readonly FaqIndex Index = new(Live);

    [Fact]
    public void Search_EvaluationSet_MeetsTheQualityFloors()
    {
        var result = FaqEvaluator.Evaluate(Index, new KnowledgeBaseOptions(),
            FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "questions.yaml")),
            FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "must-not-answer.yaml")));

        // Floors sit a little under the figures `kb eval` measured, so a regression fails here.
        Assert.True(result.Top1 >= 0.50, $"top-1 {result.Top1:P1}");
        Assert.True(result.Top3 >= 0.70, $"top-3 {result.Top3:P1}");
        Assert.True(result.WrongAnswerRate <= 0.05, $"wrong answers on must-not-answer {result.WrongAnswerRate:P1}");
    }

    [Fact]
    public void Search_AnAlternateVerbatim_FindsItsEntryFirst()
    {
        var entry = Live[0];
        var alternate = entry.Content[FaqLanguages.Simplified].Alternates[0];

        Assert.Equal(entry.Id, Index.Search(alternate)[0].Entry.Id);
    }

    [Fact]
    public void Search_TraditionalScript_MatchesTheSimplifiedPhrasing()
    {
        var simplified = Index.Search("理赔需要多长时间");
        var traditional = Index.Search("理賠需要多長時間");

        Assert.Equal(simplified[0].Entry.Id, traditional[0].Entry.Id);
        Assert.Equal(simplified[0].Similarity, traditional[0].Similarity, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀😀")]
    [InlineData("今日の天気はどうですか")]
    [InlineData("'; DROP TABLE faq; --")]
    public void Search_UnrelatedOrEmptyInput_IsNotAnswered(string question)
    {
        var decision = FaqDecision.Decide(Index.Search(question), new KnowledgeBaseOptions());

        Assert.NotEqual(FaqDecisionKind.Answer, decision.Kind);
    }

    [Fact]
    public void Search_HundredThousandCharacters_IsTruncatedForSearchOnly()
    {
        var question = "理赔需要多长时间" + new string('啊', 100_000);

        var ranked = new FaqIndex(Live, maxQueryLength: 256).Search(question);

        Assert.NotNull(ranked);
    }
}
