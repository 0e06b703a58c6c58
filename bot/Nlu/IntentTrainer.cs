using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatService.Nlu;

/// <summary>What training produced and how long it took.</summary>
public sealed record TrainingResult(IntentModel Model, TimeSpan TrainingTime, int TrainingCount, int HeldOutCount);

/// <summary>
/// Trains the intent model deterministically (MLContext seed 0, single-threaded learners). When held-out data is
/// needed it is either given (a benchmark's validation split) or split from the training data by intent and
/// language; the temperature and the out-of-scope threshold are fitted on it, then the model is retrained on all of
/// the training data with those values.
/// </summary>
public static class IntentTrainer
{
    /// <summary>Changes whenever features or calibration change, so stale model files get retrained.</summary>
    public const string PipelineVersion = "nlu-2";

    /// <summary>The settings model selection chose on the repository data (used when the host trains at start-up).</summary>
    public static NluTrainingSettings DefaultSettings { get; } = new()
    {
        Trainer = TrainerKind.LbfgsMaximumEntropy, WordNgrams = 2, CharNgrams = 4, SegmentNgrams = 1, L2 = 1e-3f, Iterations = 10,
    };

    public static TrainingResult Train(IReadOnlyList<NluExample> examples, NluTrainingSettings settings,
        IReadOnlyList<NluExample>? validation = null, string dataFingerprint = "", string outOfScopeLabel = Intents.OutOfScope)
    {
        if (examples.Select(e => e.Intent).Distinct().Count() < 2)
            throw new InvalidDataException("Training needs at least two intents with examples.");
        var stopwatch = Stopwatch.StartNew();
        var all = examples.Select(e => ModelInput.From(e.Text, e.Intent)).ToList();
        var (fitPart, heldOut) = validation is not null
            ? (all, validation.Select(e => ModelInput.From(e.Text, e.Intent)).ToList())
            : Split(examples, all, settings);
        double temperature = 1, threshold = 0, classScale = 1;
        IntentModel? model = null;
        if (heldOut.Count > 0)
        {
            model = Fit(fitPart, settings, new ModelMetadata { Labels = [] });
            var labels = model.Metadata.Labels;
            var scored = heldOut.Where(h => Array.IndexOf(labels, h.Label) >= 0)
                .Select(h => (Scores: model.RawScores(h), Label: Array.IndexOf(labels, h.Label))).ToList();
            temperature = Calibration.FitTemperature(scored, model.Metadata.ScoresAreProbabilities);
            var calibrated = model.WithMetadata(model.Metadata with { Temperature = temperature });
            var rankings = heldOut.Select(h => (calibrated.Rank(h), h.Label)).ToList();
            (threshold, classScale) = Calibration.TuneOutOfScope(rankings, outOfScopeLabel, settings.OutOfScopeRecallTarget);
        }
        if (model is null || !ReferenceEquals(fitPart, all))
            model = Fit(all, settings, new ModelMetadata { Labels = [] });
        model = model.WithMetadata(model.Metadata with
        {
            Temperature = temperature, OutOfScopeThreshold = threshold, OutOfScopeClassScale = classScale, DataFingerprint = dataFingerprint,
        });
        return new TrainingResult(model, stopwatch.Elapsed, all.Count, heldOut.Count);
    }

    private static IntentModel Fit(List<ModelInput> rows, NluTrainingSettings settings, ModelMetadata metadata)
    {
        // Without any Chinese training text the word-segmentation block would have no n-grams (a vector of unknown size).
        if (settings.SegmentNgrams > 0 && rows.All(r => r.Segments.Length == 0)) settings = settings with { SegmentNgrams = 0 };
        var ml = new MLContext(seed: settings.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var transformer = IntentPipeline.Build(ml, settings).Fit(data);
        var labels = default(Microsoft.ML.Data.VBuffer<ReadOnlyMemory<char>>);
        transformer.GetOutputSchema(data.Schema)["Label"].GetKeyValues(ref labels);
        return new IntentModel(ml, transformer, data.Schema, metadata with
        {
            Labels = labels.DenseValues().Select(v => v.ToString()).ToArray(),
            ScoresAreProbabilities = IntentPipeline.ScoresAreProbabilities(settings.Trainer),
            Settings = settings.ToString(),
        });
    }

    /// <summary>A repeatable stratified split: the same share of every (intent, language) group is held out.</summary>
    private static (List<ModelInput> Fit, List<ModelInput> HeldOut) Split(IReadOnlyList<NluExample> examples,
        List<ModelInput> rows, NluTrainingSettings settings)
    {
        if (settings.HeldOutFraction <= 0) return (rows, []);
        var random = new Random(settings.Seed);
        var fit = new List<ModelInput>();
        var heldOut = new List<ModelInput>();
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => (examples[i].Intent, examples[i].Language)))
        {
            var indices = group.OrderBy(_ => random.Next()).ToList();
            var take = indices.Count < 3 ? 0 : (int)Math.Round(indices.Count * settings.HeldOutFraction);
            heldOut.AddRange(indices.Take(take).Select(i => rows[i]));
            fit.AddRange(indices.Skip(take).Select(i => rows[i]));
        }
        return (fit, heldOut);
    }
}
