using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqSearchTests
{
    private static readonly List<FaqEntry> Live = FaqYamlReader.ReadDirectory(RepoPaths.Faq).Entries
        .Where(e => e.IsLive(new DateOnly(2026, 11, 23))).ToList();
    private static readonly FaqSynonyms Synonyms = FaqSynonyms.Load(Path.Combine(RepoPaths.Root, "knowledge-base", "synonyms.yaml"));
    private static readonly FaqIndex Index = new(Live, synonyms: Synonyms);

    // Floors sit a little under the figures `kb eval` measured (eval 81.6 / 94.5 %, holdout 93.2 / 98.3 %,
    // held-out alternates 79.5 / 91.6 %, must-not-answer wrong 2.0 %), so a regression fails here.
    [Theory]
    [InlineData("questions.yaml", 0.80, 0.93)]
    [InlineData("holdout.yaml", 0.91, 0.96)]
    public void Search_EvaluationSets_MeetTheQualityFloors(string file, double top1Floor, double top3Floor)
    {
        var result = FaqEvaluator.Evaluate(Index, new KnowledgeBaseOptions(),
            FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, file)),
            FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "must-not-answer.yaml")));

        Assert.True(result.Top1 >= top1Floor, $"top-1 {result.Top1:P1}");
        Assert.True(result.Top3 >= top3Floor, $"top-3 {result.Top3:P1}");
        Assert.True(result.WrongAnswerRate <= 0.05, $"wrong answers on must-not-answer {result.WrongAnswerRate:P1}");
    }

    [Fact]
    public void Search_AlternatesHeldOutOfTheIndex_MeetTheQualityFloor()
    {
        var heldOut = FaqHeldOut.Search(Live, entries => new FaqIndex(entries, synonyms: Synonyms));

        var (top1, top3, _) = FaqEvaluator.Score(heldOut);

        Assert.True(heldOut.Count > Live.Count * 10, $"{heldOut.Count} held-out alternates");
        Assert.True(top1 >= 0.77, $"top-1 {top1:P1}");
        Assert.True(top3 >= 0.90, $"top-3 {top3:P1}");
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
