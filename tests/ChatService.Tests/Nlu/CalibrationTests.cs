using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

public sealed class CalibrationTests
{
    private static IntentScore[] Ranked(params (string Intent, double Confidence)[] scores) =>
        scores.Select(s => new IntentScore(s.Intent, s.Confidence)).ToArray();

    [Theory]
    [InlineData(0.0, 1.0, "out_of_scope", true)]   // plain argmax: the out-of-scope class wins
    [InlineData(0.0, 0.5, "faq", false)]           // scaled down (0.25 < 0.4): the intent wins
    [InlineData(0.45, 0.5, "out_of_scope", true)]  // ...but under the threshold
    public void Decide_AppliesClassScaleThenThreshold(double threshold, double scale, string intent, bool outOfScope)
    {
        var (chosen, isOutOfScope) = OutOfScopeDecision.Decide(Ranked(("out_of_scope", 0.5), ("faq", 0.4), ("thanks", 0.1)),
            threshold, scale, Intents.OutOfScope);
        Assert.Equal(outOfScope, isOutOfScope);
        if (!outOfScope) Assert.Equal(intent, chosen.Intent);
    }

    [Fact]
    public void FitTemperature_OverconfidentScores_SoftensThem()
    {
        // Always 99 % sure, right only 3 times out of 4: the fitted temperature must flatten the distribution.
        var heldOut = Enumerable.Range(0, 40).Select(i => (new[] { 0.99f, 0.01f }, i % 4 == 0 ? 1 : 0)).ToList();
        var temperature = Calibration.FitTemperature(heldOut, scoresAreProbabilities: true);
        Assert.True(temperature > 1.5, $"temperature {temperature}");
        Assert.InRange(Calibration.Softmax([0.99f, 0.01f], temperature, true)[0], 0.6, 0.9);
    }

    [Fact]
    public void TuneOutOfScope_SeparatesConfidentIntentsFromUnsureOnes()
    {
        var heldOut = new List<(IntentScore[], string)>
        {
            (Ranked(("faq", 0.9), ("thanks", 0.1)), "faq"),
            (Ranked(("thanks", 0.8), ("faq", 0.2)), "thanks"),
            (Ranked(("faq", 0.4), ("thanks", 0.35)), Intents.OutOfScope),
            (Ranked(("thanks", 0.5), ("faq", 0.45)), Intents.OutOfScope),
        };
        var (threshold, _) = Calibration.TuneOutOfScope(heldOut, Intents.OutOfScope);
        Assert.InRange(threshold, 0.51, 0.8);
    }

    [Fact]
    public void TuneOutOfScope_AccuracyObjective_CountsEveryUtteranceAlike()
    {
        // Catching both out-of-scope lines (0.6) costs the one "thanks" line (0.55): accuracy over all eight lines gains
        // (7 of 8 against 6 of 8); macro-F1 loses, because "thanks" is a whole class of its own.
        var heldOut = Enumerable.Repeat((Ranked(("faq", 0.9), ("thanks", 0.1)), "faq"), 5)
            .Append((Ranked(("thanks", 0.55), ("faq", 0.45)), "thanks"))
            .Concat(Enumerable.Repeat((Ranked(("faq", 0.6), ("thanks", 0.4)), Intents.OutOfScope), 2)).ToList();
        var (byAccuracy, _) = Calibration.TuneOutOfScope(heldOut, Intents.OutOfScope, objective: OutOfScopeObjective.Accuracy);
        var (byMacroF1, _) = Calibration.TuneOutOfScope(heldOut, Intents.OutOfScope);
        Assert.InRange(byAccuracy, 0.61, 0.9);
        Assert.InRange(byMacroF1, 0, 0.55);
    }

    [Fact]
    public void TuneOutOfScope_WithoutOutOfScopeExamples_LearnsNothing() =>
        Assert.Equal((0.0, 1.0), Calibration.TuneOutOfScope([(Ranked(("faq", 0.9)), "faq")], Intents.OutOfScope));
}
