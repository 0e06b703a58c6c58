using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

public sealed class CalibrationFoldsTests
{
    // Two intents in two languages, 10 examples per group, plus a group of 3 (fewer than the folds).
    private static readonly List<NluExample> Examples =
    [
        .. Enumerable.Range(0, 10).Select(i => new NluExample($"hello there {i}", Intents.Greeting, NluLanguages.English)),
        .. Enumerable.Range(0, 10).Select(i => new NluExample($"你好 {i}", Intents.Greeting, NluLanguages.SimplifiedChinese)),
        .. Enumerable.Range(0, 10).Select(i => new NluExample($"thank you {i}", Intents.Thanks, NluLanguages.English)),
        .. Enumerable.Range(0, 3).Select(i => new NluExample($"谢谢 {i}", Intents.Thanks, NluLanguages.SimplifiedChinese)),
    ];

    private static readonly NluTrainingSettings Quick = IntentTrainer.DefaultSettings with { SegmentNgrams = 0, Iterations = 5 };

    [Fact]
    public void Train_WithFiveFolds_ScoresEveryExampleOfALargeEnoughGroupOnce()
    {
        var result = IntentTrainer.Train(Examples, Quick with { CalibrationFolds = 5 });
        Assert.Equal(30, result.HeldOutCount); // the three groups of 10; the group of 3 is never held out
        Assert.Equal(Examples.Count, result.TrainingCount);
    }

    [Fact]
    public void Train_WithOneFold_HoldsOutTheConfiguredShareOfEachGroup()
    {
        var result = IntentTrainer.Train(Examples, Quick with { CalibrationFolds = 1, HeldOutFraction = 0.2 });
        Assert.Equal(2 + 2 + 2 + 1, result.HeldOutCount);
    }

    [Fact]
    public void Train_WithoutHeldOutShare_CalibratesNothing()
    {
        var result = IntentTrainer.Train(Examples, Quick with { CalibrationFolds = 5, HeldOutFraction = 0 });
        Assert.Equal(0, result.HeldOutCount);
        Assert.Equal(0, result.Model.Metadata.OutOfScopeThreshold);
    }
}
