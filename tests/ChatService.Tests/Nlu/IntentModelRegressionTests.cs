using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

[Collection(RepoModelCollection.Name)]
public sealed class IntentModelRegressionTests(RepoModelFixture fixture)
{
    // `nlu train` on the nlu-models/ data of 2026-12-07 (3,593 training, 684 test utterances; model selection keeps
    // the default, calibration on five out-of-fold splits) reaches macro-F1 0.937 overall, 0.922 en, 0.953 zh-Hans,
    // 0.933 zh-Hant, out-of-scope recall 0.917 at in-scope accuracy 0.927 (before the 122 English faq examples of
    // 2026-12-07: 0.943, 0.930 en, in-scope 0.935; they raised the out-of-scope threshold 0.56 -> 0.64 and were kept for
    // what customers see, see RoutedKnowledgeBaseTests). The floors are the targets (0.92 for each language,
    // 0.85 out-of-scope recall) and about half a point to a point under the other figures. Raise them with the data.
    private const double MacroF1Floor = 0.93;
    private const double LanguageMacroF1Floor = 0.92;
    private const double OutOfScopeRecallFloor = 0.85;
    private const double InScopeAccuracyFloor = 0.92;

    [Fact]
    public void Train_OnRepositoryData_ReachesTheMacroF1FloorOnTheTestFiles()
    {
        Assert.NotEmpty(fixture.Test);
        var report = IntentEvaluator.Evaluate(fixture.Result.Model, fixture.Test);

        Assert.True(report.MacroF1 >= MacroF1Floor, $"macro-F1 {report.MacroF1:F3} < {MacroF1Floor}: {ReportWriter.Summary(report)}");
        Assert.All(report.PerLanguage, language =>
            Assert.True(language.MacroF1 >= LanguageMacroF1Floor, $"{language.Language} macro-F1 {language.MacroF1:F3}"));
        Assert.True(report.OutOfScopeRecall >= OutOfScopeRecallFloor, $"out-of-scope recall {report.OutOfScopeRecall:F3}");
        Assert.True(report.InScopeAccuracy >= InScopeAccuracyFloor, $"in-scope accuracy {report.InScopeAccuracy:F3}");
    }

    [Fact]
    public void Train_EveryContractIntentHasExamplesInEachLanguage()
    {
        string[] intents = [Intents.Greeting, Intents.Goodbye, Intents.Thanks, Intents.HumanAgent, Intents.ClaimReport,
            Intents.ClaimStatus, Intents.Complaint, Intents.PolicyLookup, Intents.Faq, Intents.OutOfScope];
        foreach (var intent in intents)
            foreach (var language in new[] { NluLanguages.SimplifiedChinese, NluLanguages.TraditionalChinese, NluLanguages.English })
                Assert.Contains(fixture.Training, e => e.Intent == intent && e.Language == language);
    }

    [Fact]
    public void Train_TwiceOnTheSameData_GivesTheSameScores()
    {
        // Determinism is a property of the pipeline: a slice of the data keeps this test quick.
        var slice = fixture.Training.Where((_, i) => i % 5 == 0).ToList();
        var first = IntentTrainer.Train(slice, fixture.Settings);
        var second = IntentTrainer.Train(slice, fixture.Settings);
        foreach (var example in fixture.Test.Take(20))
        {
            var input = ModelInput.From(example.Text);
            Assert.Equal(first.Model.RawScores(input), second.Model.RawScores(input));
        }
        Assert.Equal(first.Model.Metadata, second.Model.Metadata with { Labels = first.Model.Metadata.Labels });
    }

    [Fact]
    public void Train_TwiceWithTwoLbfgsThreads_GivesTheSameScores()
    {
        // The benchmarks train L-BFGS on two threads: that must be as repeatable as one thread.
        var slice = fixture.Training.Where((_, i) => i % 3 == 0).ToList();
        var settings = fixture.Settings with { Threads = 2, HeldOutFraction = 0 };
        var first = IntentTrainer.Train(slice, settings);
        var second = IntentTrainer.Train(slice, settings);
        foreach (var example in fixture.Test.Take(40))
        {
            var input = ModelInput.From(example.Text);
            Assert.Equal(first.Model.RawScores(input), second.Model.RawScores(input));
        }
    }

    [Fact]
    public void Classify_TraditionalAndSimplifiedPhrasings_GetTheSameIntent()
    {
        var simplified = fixture.Classifier.Classify("我要申请理赔");
        var traditional = fixture.Classifier.Classify("我要申請理賠");
        Assert.Equal(Intents.ClaimReport, simplified.Intent);
        Assert.Equal(simplified.Intent, traditional.Intent);
        Assert.Equal(NluLanguages.TraditionalChinese, traditional.Language);
    }

    [Fact]
    public void Classify_ReturnsCalibratedAlternativesAndEntities()
    {
        var result = fixture.Classifier.Classify("查一下我的保单P12345678");
        Assert.InRange(result.Confidence, 0, 1);
        Assert.Equal(3, result.Alternatives.Count);
        Assert.True(result.Alternatives[0].Confidence <= result.Confidence);
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.PolicyNumber && e.Value == "P12345678");
    }

    [Fact]
    public void SaveAndLoad_RoundTripsScoresAndCalibration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nlu-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Result.Model.Save(path);
            var loaded = IntentModel.Load(path);
            Assert.Equal(fixture.Result.Model.Metadata, loaded.Metadata with { Labels = fixture.Result.Model.Metadata.Labels });
            Assert.Equal(fixture.Result.Model.Metadata.Labels, loaded.Metadata.Labels);
            var input = ModelInput.From("where is my claim");
            Assert.Equal(fixture.Result.Model.RawScores(input), loaded.RawScores(input));
        }
        finally { File.Delete(path); }
    }
}
