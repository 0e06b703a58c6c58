namespace ChatService.Nlu;

/// <summary>
/// Chooses the learner and features by measurement: each candidate is trained on 80 % of the training data and
/// scored (macro-F1) on the held-out 20 % of every intent and language; the test files are never looked at.
/// </summary>
public static class ModelSelection
{
    /// <summary>
    /// The benchmark winners (English, Chinese), Chinese word segmentation, hinge-loss SVMs (multiclass and
    /// one-versus-all), a max-ent ensemble over the feature blocks, and the platform-notes baseline.
    /// </summary>
    public static IReadOnlyList<NluTrainingSettings> Candidates { get; } =
    [
        IntentTrainer.DefaultSettings,
        IntentTrainer.DefaultSettings with { SegmentNgrams = 1 },
        IntentTrainer.DefaultSettings with { Iterations = 30 },
        new() { Trainer = TrainerKind.SdcaMaximumEntropy, WordNgrams = 2, CharNgrams = 3, L2 = 1e-5f },
        new() { Trainer = TrainerKind.SdcaHinge, WordNgrams = 2, CharNgrams = 4, L2 = 1e-4f },
        new() { Trainer = TrainerKind.OneVersusAllSdcaHinge, WordNgrams = 2, CharNgrams = 4, L2 = 1e-4f },
        IntentTrainer.DefaultSettings with { Ensemble = "Features+WordNgrams+CharNgrams" },
        new() { Trainer = TrainerKind.LbfgsMaximumEntropy, WordNgrams = 1, CharNgrams = 3, L2 = 0.01f, NormalizeBlocks = false },
    ];

    /// <summary>Held-out macro-F1 differences up to this are ties, kept by the earlier candidate (the default first).</summary>
    public const double TieMargin = 0.005;

    public static (NluTrainingSettings Best, IReadOnlyList<TrainerComparison> Comparison) Select(IReadOnlyList<NluExample> training)
    {
        var (fit, heldOut) = Split(training, 0.2);
        var comparison = new List<TrainerComparison>();
        NluTrainingSettings best = Candidates[0];
        var bestF1 = double.NegativeInfinity;
        foreach (var candidate in Candidates)
        {
            var trained = IntentTrainer.Train(fit, candidate with { HeldOutFraction = 0 });
            var report = IntentEvaluator.Evaluate(trained.Model, heldOut);
            comparison.Add(new TrainerComparison(candidate.ToString(), Math.Round(report.MacroF1, 4),
                Math.Round(report.Accuracy, 4), Math.Round(trained.TrainingTime.TotalSeconds, 2)));
            Console.WriteLine($"  {candidate}: held-out macro-F1 {report.MacroF1:F4}, accuracy {report.Accuracy:F4}, {trained.TrainingTime.TotalSeconds:F1} s");
            // A later candidate must win by more than the noise of the held-out split (±0.005 ≈ 3 utterances).
            if (report.MacroF1 > bestF1 + TieMargin) (best, bestF1) = (candidate, report.MacroF1);
        }
        return (best, comparison);
    }

    /// <summary>A repeatable stratified split by (intent, language), seeded differently from the calibration split.</summary>
    public static (List<NluExample> Fit, List<NluExample> HeldOut) Split(IReadOnlyList<NluExample> examples, double fraction)
    {
        var random = new Random(17);
        var fit = new List<NluExample>();
        var heldOut = new List<NluExample>();
        foreach (var group in examples.GroupBy(e => (e.Intent, e.Language)))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            var take = shuffled.Count < 3 ? 0 : Math.Max(1, (int)Math.Round(shuffled.Count * fraction));
            heldOut.AddRange(shuffled.Take(take));
            fit.AddRange(shuffled.Skip(take));
        }
        return (fit, heldOut);
    }
}
