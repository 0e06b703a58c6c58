using ChatService.Backends;
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
        Settings = IntentTrainer.DefaultSettings with { OutOfScopeRecallTarget = new NluOptions().OutOfScopeRecallTarget };
        Result = IntentTrainer.Train(Training, Settings, dataFingerprint: NluDataFiles.Fingerprint(DataDirectory));
        Classifier = new IntentClassifier(new IntentModelHolder(Result.Model), new EntityExtractor(new IdentifierFormats()),
            Options.Create(new NluOptions()));
    }

    public string DataDirectory { get; }
    public NluTrainingSettings Settings { get; }
    public IReadOnlyList<NluExample> Training { get; }
    public IReadOnlyList<NluExample> Test { get; }
    public TrainingResult Result { get; }
    public IntentClassifier Classifier { get; }
}

/// <summary>One trained repository model shared by every test class that needs it (training is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class RepoModelCollection : ICollectionFixture<RepoModelFixture>
{
    public const string Name = "NLU repository model";
}
