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
            .Append(ml.Transforms.Text.ProduceNgrams("WordNgrams", "WordKeys", settings.WordNgrams, 0, true,
                weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
        if (settings.NormalizeBlocks) pipeline = pipeline.Append(ml.Transforms.NormalizeLpNorm("WordNgrams"));
        if (settings.CharNgrams > 0)
        {
            features.Add("CharNgrams");
            pipeline = pipeline
                .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", nameof(ModelInput.Text)))
                .Append(ml.Transforms.Text.ProduceNgrams("CharNgrams", "Chars", settings.CharNgrams, 0, true,
                    weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
            if (settings.NormalizeBlocks) pipeline = pipeline.Append(ml.Transforms.NormalizeLpNorm("CharNgrams"));
        }
        return pipeline
            .Append(ml.Transforms.Concatenate("Features", [.. features]))
            .Append(ml.Transforms.NormalizeLpNorm("Features"))
            .Append(Trainer(ml, settings));
    }

    /// <summary>True when the learner's scores are probabilities (calibration then works on their logarithms).</summary>
    public static bool ScoresAreProbabilities(TrainerKind kind) =>
        kind is TrainerKind.SdcaMaximumEntropy or TrainerKind.LbfgsMaximumEntropy;

    private static IEstimator<ITransformer> Trainer(MLContext ml, NluTrainingSettings settings)
    {
        var multi = ml.MulticlassClassification.Trainers;
        var binary = ml.BinaryClassification.Trainers;
        return settings.Trainer switch
        {
            // One thread: SDCA's multi-threaded updates are not repeatable.
            TrainerKind.SdcaMaximumEntropy => multi.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = settings.L2, L1Regularization = 0, MaximumNumberOfIterations = settings.Iterations,
                NumberOfThreads = 1, Shuffle = true,
            }),
            TrainerKind.LbfgsMaximumEntropy => multi.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0, L2Regularization = settings.L2, MaximumNumberOfIterations = settings.Iterations * 10,
                HistorySize = 10, OptimizationTolerance = 1e-6f, NumberOfThreads = 1,
            }),
            TrainerKind.OneVersusAllLinearSvm => multi.OneVersusAll(binary.LinearSvm(new LinearSvmTrainer.Options
            {
                Lambda = settings.L2, NumberOfIterations = settings.Iterations, PerformProjection = true,
            }), useProbabilities: false),
            _ => multi.OneVersusAll(binary.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                NumberOfIterations = settings.Iterations, L2Regularization = settings.L2,
            }), useProbabilities: false),
        };
    }
}
