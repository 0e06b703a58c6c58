using ChatService.Backends;
using ChatService.Nlu;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Nlu;

public sealed class NluModelServiceTests : IDisposable
{
    private static readonly TimeSpan SwapWait = TimeSpan.FromSeconds(20);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nlu-tests-" + Guid.NewGuid().ToString("N"));
    private readonly IntentModelHolder holder = new();

    public NluModelServiceTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string ModelPath => Path.Combine(folder, "model.zip");

    private NluModelService Service(bool trainOnStartup) => new(holder,
        Options.Create(new NluOptions { ModelPath = ModelPath, DataDirectory = folder, TrainOnStartup = trainOnStartup }),
        new HostingEnvironment { ContentRootPath = folder }, NullLogger<NluModelService>.Instance);

    private IntentClassifier Classifier() =>
        new(holder, new EntityExtractor(new IdentifierFormats()), Options.Create(new NluOptions()));

    /// <summary>A two-intent model where "hello" means <paramref name="helloIntent"/>.</summary>
    private static IntentModel TinyModel(string helloIntent, string otherIntent)
    {
        var examples = new[] { "hello", "hello there", "hi hello" }.Select(t => new NluExample(t, helloIntent, "en"))
            .Concat(new[] { "bye", "goodbye now", "see you bye" }.Select(t => new NluExample(t, otherIntent, "en"))).ToList();
        return IntentTrainer.Train(examples, IntentTrainer.DefaultSettings with { HeldOutFraction = 0 }).Model;
    }

    [Fact]
    public async Task ModelFileReplaced_NextPredictionUsesTheNewModel()
    {
        TinyModel(Intents.Greeting, Intents.Goodbye).Save(ModelPath);
        using var service = Service(trainOnStartup: false);
        await service.StartAsync(CancellationToken.None);
        var classifier = Classifier();
        Assert.Equal(Intents.Greeting, classifier.Classify("hello").Intent);

        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        holder.Swapped += _ => swapped.TrySetResult();
        using var stop = new CancellationTokenSource();
        var seen = new HashSet<string>();
        // Turns keep arriving during the swap: none may fail.
        var turns = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) lock (seen) seen.Add(classifier.Classify("hello").TopIntent);
        });
        TinyModel(Intents.Goodbye, Intents.Greeting).Save(ModelPath);
        await swapped.Task.WaitAsync(SwapWait);
        await Task.Delay(50);
        await stop.CancelAsync();
        await turns;

        Assert.Equal(Intents.Goodbye, classifier.Classify("hello").TopIntent);
        Assert.Subset(new HashSet<string> { Intents.Greeting, Intents.Goodbye }, seen);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_WithoutModelFile_TrainsOnTheDataAndLoadsIt()
    {
        WriteIntent("greeting", "hello", "hi there", "good morning");
        WriteIntent("goodbye", "bye", "see you later", "goodbye");
        using var service = Service(trainOnStartup: true);
        await service.StartAsync(CancellationToken.None);

        Assert.True(File.Exists(ModelPath));
        Assert.Equal(Intents.Goodbye, Classifier().Classify("bye bye").TopIntent);
        Assert.Equal(NluDataFiles.Fingerprint(folder), IntentModel.ReadMetadata(ModelPath)?.DataFingerprint);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_DataChanged_Retrains()
    {
        WriteIntent("greeting", "hello", "hi there", "good morning");
        WriteIntent("goodbye", "bye", "see you later", "goodbye");
        TinyModel(Intents.Goodbye, Intents.Greeting).Save(ModelPath); // stale: trained on other data
        using var service = Service(trainOnStartup: true);
        await service.StartAsync(CancellationToken.None);

        Assert.Equal(Intents.Greeting, Classifier().Classify("hello").TopIntent);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_CorruptModelFile_LeavesTheClassifierNotReady()
    {
        await File.WriteAllTextAsync(ModelPath, "not a zip");
        using var service = Service(trainOnStartup: false);
        await service.StartAsync(CancellationToken.None);

        Assert.False(Classifier().IsReady);
        Assert.True(Classifier().Classify("hello").IsOutOfScope);
        await service.StopAsync(CancellationToken.None);
    }

    private void WriteIntent(string intent, params string[] english)
    {
        Directory.CreateDirectory(Path.Combine(folder, NluDataFiles.TrainingFolder));
        File.WriteAllText(Path.Combine(folder, NluDataFiles.TrainingFolder, intent + ".yaml"),
            $"intent: {intent}\nexamples:\n  en: [ {string.Join(", ", english.Select(e => $"\"{e}\""))} ]\n");
    }
}
