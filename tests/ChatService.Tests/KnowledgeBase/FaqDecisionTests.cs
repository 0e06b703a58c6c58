using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqDecisionTests
{
    private static readonly KnowledgeBaseOptions Options = new() { AnswerThreshold = 0.6, SuggestThreshold = 0.3, SuggestCount = 2, Calibration = new() { Similarity = 10, Lead = 10, Bias = -5 } };

    private static FaqCandidate Candidate(string id, double similarity) => new(new FaqEntry
    {
        Id = id, Category = "claims", Content = new Dictionary<string, FaqContent>(),
    }, similarity);

    [Fact]
    public void Calibration_HigherSimilarityOrLead_NeverLowersConfidence()
    {
        var calibration = new FaqCalibration { Similarity = 4.5, Lead = 4.25, Bias = -2.7 };

        Assert.True(calibration.Probability(0.6, 0.3) > calibration.Probability(0.5, 0.3));
        Assert.True(calibration.Probability(0.6, 0.2) > calibration.Probability(0.6, 0.5));
    }

    [Fact]
    public void Fit_SeparableSamples_LearnsPositiveWeights()
    {
        var samples = Enumerable.Range(0, 50).SelectMany(i => new[]
        {
            (0.6 + i * 0.005, 0.2, true),
            (0.15 + i * 0.002, 0.14, false),
        }).ToList();

        var calibration = FaqCalibration.Fit(samples);

        Assert.True(calibration.Probability(0.7, 0.2) > 0.8);
        Assert.True(calibration.Probability(0.15, 0.14) < 0.2);
    }

    [Fact]
    public void Decide_ClearWinnerAboveAnswerThreshold_Answers()
    {
        var decision = FaqDecision.Decide([Candidate("a", 0.8), Candidate("b", 0.5)], Options);

        Assert.Equal(FaqDecisionKind.Answer, decision.Kind);
        Assert.Equal("a", decision.Best?.Entry.Id);
    }

    [Fact]
    public void Decide_TwoCloseCandidates_AsksWhichOneWasMeant()
    {
        var decision = FaqDecision.Decide([Candidate("a", 0.45), Candidate("b", 0.44), Candidate("c", 0.2)], Options);

        Assert.Equal(FaqDecisionKind.Suggest, decision.Kind);
        Assert.Equal(["a", "b"], decision.Candidates.Select(c => c.Entry.Id));
    }

    [Fact]
    public void Decide_BetweenThresholds_Suggests()
    {
        var decision = FaqDecision.Decide([Candidate("a", 0.4), Candidate("b", 0.35)], Options);

        Assert.Equal(FaqDecisionKind.Suggest, decision.Kind);
        Assert.InRange(decision.Confidence, 0.3, 0.6);
    }

    [Fact]
    public void Decide_BelowSuggestThreshold_HasNoAnswer()
    {
        Assert.Equal(FaqDecisionKind.NoAnswer, FaqDecision.Decide([Candidate("a", 0.2), Candidate("b", 0.15)], Options).Kind);
        Assert.Equal(FaqDecisionKind.NoAnswer, FaqDecision.Decide([], Options).Kind);
    }
}
