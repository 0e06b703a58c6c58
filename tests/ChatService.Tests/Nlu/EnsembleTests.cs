using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

[Collection(RepoModelCollection.Name)]
public sealed class EnsembleTests(RepoModelFixture fixture)
{
    private static readonly NluTrainingSettings Ensemble = new()
    {
        Trainer = TrainerKind.SdcaMaximumEntropy, WordNgrams = 2, CharNgrams = 3, SegmentNgrams = 1, L2 = 1e-4f,
        Ensemble = "Features+WordNgrams+CharNgrams", Iterations = 5,
    };

    [Fact]
    public void Ensemble_AveragesItsMembersIntoOneProbabilityPerLabel()
    {
        var slice = fixture.Training.Where((_, i) => i % 4 == 0).ToList();
        var trained = IntentTrainer.Train(slice, Ensemble);
        var labels = trained.Model.Metadata.Labels;
        Assert.Equal(slice.Select(e => e.Intent).Distinct().Count(), labels.Length);
        var scores = trained.Model.RawScores(ModelInput.From("我想查一下理赔进度"));
        Assert.Equal(labels.Length, scores.Length);
        Assert.InRange(scores.Sum(), 0.999, 1.001);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void Ensemble_SavedAndLoaded_GivesTheSameScores()
    {
        var slice = fixture.Training.Where((_, i) => i % 6 == 0).ToList();
        var model = IntentTrainer.Train(slice, Ensemble).Model;
        var path = Path.Combine(Path.GetTempPath(), $"nlu-ensemble-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var input = ModelInput.From("我份保單幾時到期");
            Assert.Equal(model.RawScores(input), IntentModel.Load(path).RawScores(input));
        }
        finally { File.Delete(path); }
    }
}
