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

    [Fact]
    public void Train_WithHeldOutIntents_TunesTheThresholdOnHarderOutOfScopeLines()
    {
        // The out-of-scope class's val lines resemble its training lines, so without pseudo out-of-scope lines no
        // threshold is needed; held-out intents' val lines look in-scope to the probe and need a higher one.
        static List<NluExample> Set(int from, string goodbye) =>
        [
            .. Enumerable.Range(from, 8).Select(i => new NluExample($"hello friend {i}", Intents.Greeting, NluLanguages.English)),
            .. Enumerable.Range(from, 8).Select(i => new NluExample($"thanks friend {i}", Intents.Thanks, NluLanguages.English)),
            .. Enumerable.Range(from, 8).Select(i => new NluExample($"{goodbye} {i}", Intents.Goodbye, NluLanguages.English)),
            .. Enumerable.Range(from, 8).Select(i => new NluExample($"weather forecast rain {i}", Intents.OutOfScope, NluLanguages.English)),
        ];
        // Intents in ordinal order: goodbye, greeting, thanks; every third one left out is goodbye, whose val lines
        // share words with greeting and thanks, so the probe is unsure of them. A few val lines without any telling
        // word keep the fitted temperature from making every confidence 1.
        List<NluExample> train = Set(0, "bye friend");
        List<NluExample> validation =
        [
            .. Set(100, "hello thanks bye friend"),
            .. Enumerable.Range(0, 4).Select(i => new NluExample($"friend {i}", i % 2 == 0 ? Intents.Greeting : Intents.Thanks, NluLanguages.English)),
        ];
        var settings = Quick with { OutOfScopeRecallTarget = 0.75, HeldOutFraction = 0 };
        var plain = IntentTrainer.Train(train, settings, validation).Model.Metadata.OutOfScopeThreshold;
        var harder = IntentTrainer.Train(train, settings with { HeldOutIntentEvery = 3 }, validation).Model.Metadata.OutOfScopeThreshold;
        Assert.True(harder > plain, $"threshold with held-out intents {harder}, without {plain}");
    }
}
