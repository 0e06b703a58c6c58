using ChatService.Hosting;
using Microsoft.Extensions.Options;

namespace ChatService.Nlu;

/// <summary>
/// Loads the intent model at start-up, training it first when the file is missing or was trained on other data
/// (or by another pipeline version), and reloads it whenever the file changes (the swap is atomic: no turn is dropped).
/// A model that cannot be loaded is logged and the classifier answers out-of-scope until one can.
/// </summary>
public sealed partial class NluModelService(IntentModelHolder models, IOptions<NluOptions> options, IHostEnvironment environment,
    ILogger<NluModelService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(250);
    private static readonly Lock TrainingLock = new();
    private FileSystemWatcher? watcher;
    private Timer? reloadTimer;

    public string ModelPath => ContentPaths.Resolve(environment, options.Value.ModelPath);
    private string DataDirectory => ContentPaths.Resolve(environment, options.Value.DataDirectory);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (options.Value.TrainOnStartup) TrainIfStale();
            if (File.Exists(ModelPath)) Load();
            else LogNoModel(logger, ModelPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogLoadFailed(logger, ModelPath, e);
        }
        try
        {
            if (options.Value.WatchModelFile) Watch();
        }
        catch (IOException e) // e.g. the inotify instance limit: serve without hot reload rather than fail start-up
        {
            LogWatchFailed(logger, ModelPath, e);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        reloadTimer?.Dispose();
        watcher = null;
    }

    private void TrainIfStale()
    {
        // Several hosts in one process (test suites) share the file: one trains, the others then find it fresh.
        lock (TrainingLock) TrainIfStaleLocked();
    }

    private void TrainIfStaleLocked()
    {
        var training = NluDataFiles.ReadTraining(DataDirectory);
        if (training.Count == 0) return;
        var fingerprint = NluDataFiles.Fingerprint(DataDirectory);
        var metadata = File.Exists(ModelPath) ? IntentModel.ReadMetadata(ModelPath) : null;
        if (metadata is not null && metadata.DataFingerprint == fingerprint) return;
        LogTraining(logger, ModelPath, metadata is null ? "it is missing or unreadable" : "the training data changed", training.Count);
        var settings = IntentTrainer.DefaultSettings with { OutOfScopeRecallTarget = options.Value.OutOfScopeRecallTarget };
        var trained = IntentTrainer.Train(training, settings, dataFingerprint: fingerprint);
        trained.Model.Save(ModelPath);
        LogTrained(logger, trained.TrainingTime.TotalSeconds, trained.Model.Metadata.Settings);
    }

    private void Load()
    {
        var model = IntentModel.Load(ModelPath);
        models.Swap(model);
        LogLoaded(logger, ModelPath, model.Metadata.Labels.Length, model.Metadata.OutOfScopeThreshold);
    }

    private void Watch()
    {
        var directory = Path.GetDirectoryName(ModelPath)!;
        if (!Directory.Exists(directory)) return;
        reloadTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = new FileSystemWatcher(directory, Path.GetFileName(ModelPath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        // Writers save to a temporary file and rename it over the model: debounce the burst of events.
        FileSystemEventHandler changed = (_, _) => reloadTimer?.Change(ReloadDelay, Timeout.InfiniteTimeSpan);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Renamed += (_, _) => reloadTimer?.Change(ReloadDelay, Timeout.InfiniteTimeSpan);
        watcher.EnableRaisingEvents = true;
    }

    private void Reload()
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                if (File.Exists(ModelPath)) Load();
                return;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
            {
                if (attempt == 3) LogLoadFailed(logger, ModelPath, e);
                else Thread.Sleep(ReloadDelay);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training the NLU model {ModelPath} because {Reason} ({Count} utterances)")]
    private static partial void LogTraining(ILogger logger, string modelPath, string reason, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "NLU model trained in {Seconds:F1} s [{Settings}]")]
    private static partial void LogTrained(ILogger logger, double seconds, string settings);

    [LoggerMessage(Level = LogLevel.Information, Message = "NLU model loaded from {ModelPath}: {Intents} intents, out-of-scope threshold {Threshold:F2}")]
    private static partial void LogLoaded(ILogger logger, string modelPath, int intents, double threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No NLU model at {ModelPath} and no training data: every message will be out of scope")]
    private static partial void LogNoModel(ILogger logger, string modelPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {ModelPath} for changes; the NLU model will not reload")]
    private static partial void LogWatchFailed(ILogger logger, string modelPath, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the NLU model {ModelPath}; keeping the previous one")]
    private static partial void LogLoadFailed(ILogger logger, string modelPath, Exception exception);
}
