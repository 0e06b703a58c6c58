using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace ChatService.Nlu;

/// <summary>Builds the featurizer + learner estimator for a set of <see cref="NluTrainingSettings"/>.</summary>
public static class IntentPipeline
{
    public static IEstimator<ITransformer> Build(MLContext ml, NluTrainingSettings settings)
    {
        var features = new List<string> { "WordNgrams" };
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", nameof(ModelInput.Tokens), [' ']))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("WordNgrams", "WordKeys", settings.WordNgrams, 0, true, Limit(settings),
                weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
        if (settings.NormalizeBlocks) pipeline = pipeline.Append(ml.Transforms.NormalizeLpNorm("WordNgrams"));
        if (settings.CharNgrams > 0)
        {
            features.Add("CharNgrams");
            pipeline = pipeline
                .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", nameof(ModelInput.Text)))
                .Append(ml.Transforms.Text.ProduceNgrams("CharNgrams", "Chars", settings.CharNgrams, 0, true, Limit(settings),
                    weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
            if (settings.NormalizeBlocks) pipeline = pipeline.Append(ml.Transforms.NormalizeLpNorm("CharNgrams"));
        }
        if (settings.SegmentNgrams > 0)
        {
            features.Add("SegmentNgrams");
            pipeline = pipeline
                .Append(ml.Transforms.Text.TokenizeIntoWords("SegmentWords", nameof(ModelInput.Segments), [' ']))
                .Append(ml.Transforms.Conversion.MapValueToKey("SegmentKeys", "SegmentWords"))
                .Append(ml.Transforms.Text.ProduceNgrams("SegmentNgrams", "SegmentKeys", settings.SegmentNgrams, 0, true, Limit(settings),
                    weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
            if (settings.NormalizeBlocks) pipeline = pipeline.Append(ml.Transforms.NormalizeLpNorm("SegmentNgrams"));
        }
        if (settings.Encoder.Length > 0) features.Add(nameof(ModelInput.Embedding));
        pipeline = pipeline
            .Append(ml.Transforms.Concatenate("Features", [.. features]))
            .Append(ml.Transforms.NormalizeLpNorm("Features"));
        var members = Members(settings);
        if (members.Length == 1) return pipeline.Append(Trainer(ml, settings, members[0]));
        // Each member's scores are copied aside before the next learner overwrites "Score"; the final "Score" is
        // all members' scores end to end, averaged by IntentModel.RawScores.
        var copies = new List<string>();
        foreach (var member in members)
        {
            var copy = "MemberScore" + copies.Count;
            pipeline = pipeline.Append(Trainer(ml, settings, member)).Append(ml.Transforms.CopyColumns(copy, "Score"));
            copies.Add(copy);
        }
        return pipeline.Append(ml.Transforms.Concatenate("Score", [.. copies]));
    }

    /// <summary>ProduceNgrams' per-length cap (its own default when unset).</summary>
    private static int Limit(NluTrainingSettings settings) => settings.MaxNgrams > 0 ? settings.MaxNgrams : 10_000_000;

    /// <summary>The feature column of each ensemble member (one member on all features when there is no ensemble).</summary>
    public static string[] Members(NluTrainingSettings settings) =>
        settings.Ensemble.Length == 0 ? ["Features"] : settings.Ensemble.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the learner's scores are probabilities (calibration then works on their logarithms).</summary>
    public static bool ScoresAreProbabilities(TrainerKind kind) =>
        kind is TrainerKind.SdcaMaximumEntropy or TrainerKind.LbfgsMaximumEntropy;

    private static IEstimator<ITransformer> Trainer(MLContext ml, NluTrainingSettings settings, string featureColumn)
    {
        var multi = ml.MulticlassClassification.Trainers;
        var binary = ml.BinaryClassification.Trainers;
        return settings.Trainer switch
        {
            // One thread: SDCA's multi-threaded updates are not repeatable.
            TrainerKind.SdcaMaximumEntropy => multi.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                FeatureColumnName = featureColumn,
                L2Regularization = settings.L2, L1Regularization = 0, MaximumNumberOfIterations = settings.Iterations,
                NumberOfThreads = 1, Shuffle = true,
            }),
            TrainerKind.LbfgsMaximumEntropy => multi.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                FeatureColumnName = featureColumn,
                L1Regularization = 0, L2Regularization = settings.L2, MaximumNumberOfIterations = settings.Iterations * 10,
                HistorySize = 10, OptimizationTolerance = 1e-6f, NumberOfThreads = settings.Threads,
            }),
            TrainerKind.SdcaHinge => multi.SdcaNonCalibrated(new SdcaNonCalibratedMulticlassTrainer.Options
            {
                FeatureColumnName = featureColumn,
                Loss = new HingeLoss(), L2Regularization = settings.L2, L1Regularization = 0,
                MaximumNumberOfIterations = settings.Iterations, NumberOfThreads = 1, Shuffle = true,
            }),
            TrainerKind.OneVersusAllSdcaHinge => multi.OneVersusAll(binary.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
            {
                FeatureColumnName = featureColumn,
                LossFunction = new HingeLoss(), L2Regularization = settings.L2, L1Regularization = 0,
                MaximumNumberOfIterations = settings.Iterations, NumberOfThreads = 1, Shuffle = true,
            }), useProbabilities: false),
            TrainerKind.OneVersusAllLinearSvm => multi.OneVersusAll(binary.LinearSvm(new LinearSvmTrainer.Options
            {
                FeatureColumnName = featureColumn,
                Lambda = settings.L2, NumberOfIterations = settings.Iterations, PerformProjection = true,
            }), useProbabilities: false),
            _ => multi.OneVersusAll(binary.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                FeatureColumnName = featureColumn,
                NumberOfIterations = settings.Iterations, L2Regularization = settings.L2,
            }), useProbabilities: false),
        };
    }
}
