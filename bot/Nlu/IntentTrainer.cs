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
    public const string PipelineVersion = "nlu-3";

    /// <summary>The settings model selection chose on the repository data (used when the host trains at start-up).</summary>
    public static NluTrainingSettings DefaultSettings { get; } = new()
    {
        Trainer = TrainerKind.LbfgsMaximumEntropy, WordNgrams = 2, CharNgrams = 4, L2 = 1e-3f, Iterations = 10, CalibrationFolds = 5,
    };

    public static TrainingResult Train(IReadOnlyList<NluExample> examples, NluTrainingSettings settings,
        IReadOnlyList<NluExample>? validation = null, string dataFingerprint = "", string outOfScopeLabel = Intents.OutOfScope)
    {
        if (examples.Select(e => e.Intent).Distinct().Count() < 2)
            throw new InvalidDataException("Training needs at least two intents with examples.");
        var stopwatch = Stopwatch.StartNew();
        SentenceEmbedder.Validate(settings.Encoder);
        var all = Rows(examples, settings);
        double temperature = 1, threshold = 0, classScale = 1;
        IntentModel? model = null;
        // Held-out scores: a benchmark's validation split, or out-of-fold scores of the training data itself (every
        // example scored once by a model that did not see it), or none.
        List<(List<ModelInput> Fit, List<ModelInput> HeldOut)> folds = validation is not null
            ? [(all, Rows(validation, settings))]
            : Folds(examples, all, settings);
        var heldOutCount = folds.Sum(f => f.HeldOut.Count);
        if (heldOutCount > 0)
        {
            var scored = new List<(IntentModel Model, ModelInput Row)>();
            foreach (var (fitPart, heldOut) in folds)
            {
                var foldModel = Fit(fitPart, settings, new ModelMetadata { Labels = [] });
                scored.AddRange(heldOut.Where(h => Array.IndexOf(foldModel.Metadata.Labels, h.Label) >= 0).Select(h => (foldModel, h)));
                if (ReferenceEquals(fitPart, all)) model = foldModel;
            }
            temperature = Calibration.FitTemperature(
                scored.Select(s => (s.Model.RawScores(s.Row), Array.IndexOf(s.Model.Metadata.Labels, s.Row.Label))).ToList(),
                IntentPipeline.ScoresAreProbabilities(settings.Trainer));
            var calibrated = scored.Select(s => s.Model).Distinct()
                .ToDictionary(m => m, m => m.WithMetadata(m.Metadata with { Temperature = temperature }));
            var rankings = scored.Select(s => (calibrated[s.Model].Rank(s.Row), s.Row.Label)).ToList();
            if (validation is not null && settings.HeldOutIntentEvery > 0)
                rankings.AddRange(HeldOutIntentRankings(all, folds[0].HeldOut, settings, outOfScopeLabel, temperature));
            (threshold, classScale) = Calibration.TuneOutOfScope(rankings, outOfScopeLabel, settings.OutOfScopeRecallTarget, settings.OutOfScopeObjective);
        }
        model ??= Fit(all, settings, new ModelMetadata { Labels = [] });
        model = model.WithMetadata(model.Metadata with
        {
            Temperature = temperature, OutOfScopeThreshold = threshold, OutOfScopeClassScale = classScale, DataFingerprint = dataFingerprint,
        });
        return new TrainingResult(model, stopwatch.Elapsed, all.Count, heldOutCount);
    }

    /// <summary>
    /// Pseudo out-of-scope rankings for tuning the threshold: every n-th in-scope intent (ordinal order) is left out of
    /// a probe model, and the validation utterances of those intents, ranked by the probe, count as out of scope. They
    /// stand for unseen requests that the out-of-scope class's own few examples do not resemble.
    /// </summary>
    private static IEnumerable<(IntentScore[] Ranked, string Truth)> HeldOutIntentRankings(List<ModelInput> all,
        List<ModelInput> validation, NluTrainingSettings settings, string outOfScopeLabel, double temperature)
    {
        var left = all.Select(r => r.Label).Where(l => l != outOfScopeLabel).Distinct().Order(StringComparer.Ordinal)
            .Where((_, i) => i % settings.HeldOutIntentEvery == 0).ToHashSet();
        var probe = Fit(all.Where(r => !left.Contains(r.Label)).ToList(), settings, new ModelMetadata { Labels = [] });
        probe = probe.WithMetadata(probe.Metadata with { Temperature = temperature });
        return validation.Where(r => left.Contains(r.Label)).Select(r => (probe.Rank(r), outOfScopeLabel)).ToList();
    }

    private static List<ModelInput> Rows(IReadOnlyList<NluExample> examples, NluTrainingSettings settings) =>
        ModelInput.FromAll(examples.Select(e => e.Text).ToList(), examples.Select(e => e.Intent).ToList(), settings.Encoder, settings.EncoderWeight);

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
            Encoder = settings.Encoder,
            EncoderWeight = settings.EncoderWeight,
        });
    }

    /// <summary>
    /// Repeatable stratified hold-outs: with <see cref="NluTrainingSettings.CalibrationFolds"/> &gt; 1, k folds in which
    /// every (intent, language) group is dealt round-robin after a seeded shuffle, so each example is held out once;
    /// otherwise one split holding out <see cref="NluTrainingSettings.HeldOutFraction"/> of every group.
    /// </summary>
    private static List<(List<ModelInput> Fit, List<ModelInput> HeldOut)> Folds(IReadOnlyList<NluExample> examples,
        List<ModelInput> rows, NluTrainingSettings settings)
    {
        if (settings.HeldOutFraction <= 0) return [];
        var random = new Random(settings.Seed);
        var folds = Math.Max(1, settings.CalibrationFolds);
        var foldOf = new int[rows.Count];
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => (examples[i].Intent, examples[i].Language)))
        {
            var indices = group.OrderBy(_ => random.Next()).ToList();
            var take = indices.Count < 3 ? 0 : (int)Math.Round(indices.Count * settings.HeldOutFraction);
            for (var k = 0; k < indices.Count; k++)
                foldOf[indices[k]] = folds > 1 ? (indices.Count < folds ? -1 : k % folds) : (k < take ? 0 : -1);
        }
        return Enumerable.Range(0, folds)
            .Select(fold => (Fit: rows.Where((_, i) => foldOf[i] != fold).ToList(), HeldOut: rows.Where((_, i) => foldOf[i] == fold).ToList()))
            .Where(f => f.HeldOut.Count > 0).ToList();
    }
}
