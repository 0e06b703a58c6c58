using ChatService.Hosting;
using ChatService.Nlu;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Nlu;

/// <summary>Trains once per test run on the repository's nlu-models/ data, exactly as <c>nlu train</c> does.</summary>
public sealed class RepoModelFixture
{
    public RepoModelFixture()
    {
        DataDirectory = Path.Combine(ContentPaths.FindContentRoot(), "nlu-models");
        Training = NluDataFiles.ReadTraining(DataDirectory);
        Test = NluDataFiles.ReadTest(DataDirectory);
        Result = IntentTrainer.Train(Training, IntentTrainer.DefaultSettings);
        Classifier = new IntentClassifier(new IntentModelHolder(Result.Model), new EntityExtractor(new NluEntityOptions()),
            Options.Create(new NluOptions()));
    }

    public string DataDirectory { get; }
    public IReadOnlyList<NluExample> Training { get; }
    public IReadOnlyList<NluExample> Test { get; }
    public TrainingResult Result { get; }
    public IntentClassifier Classifier { get; }
}
