namespace ChatService.Nlu;

/// <summary>Scores a model on labelled examples with the same decision rule the serving code uses.</summary>
public static class IntentEvaluator
{
    public static EvaluationReport Evaluate(IntentModel model, IReadOnlyList<NluExample> test, string outOfScopeLabel = Intents.OutOfScope)
    {
        var inputs = model.Inputs(test.Select(e => e.Text).ToList());
        var predictions = test.Select((example, i) =>
        {
            var ranked = model.Rank(inputs[i]);
            var (intent, _) = model.Decide(ranked, outOfScopeLabel);
            return (Example: example, Predicted: intent, ranked[0].Confidence);
        }).ToList();
        var pairs = predictions.Select(p => (p.Example.Intent, p.Predicted)).ToList();
        var labels = model.Metadata.Labels.Concat(test.Select(e => e.Intent)).Append(outOfScopeLabel)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var hasOutOfScope = test.Any(e => e.Intent == outOfScopeLabel);
        var inScope = pairs.Where(p => p.Intent != outOfScopeLabel).ToList();
        return new EvaluationReport
        {
            Model = model.Metadata.Settings,
            Count = test.Count,
            Accuracy = Accuracy(pairs),
            MacroF1 = MacroF1(pairs),
            InScopeAccuracy = hasOutOfScope ? Accuracy(inScope) : null,
            OutOfScopeRecall = hasOutOfScope ? Accuracy(pairs.Where(p => p.Intent == outOfScopeLabel).ToList()) : null,
            Temperature = model.Metadata.Temperature,
            OutOfScopeThreshold = model.Metadata.OutOfScopeThreshold,
            OutOfScopeClassScale = model.Metadata.OutOfScopeClassScale,
            PerIntent = PerIntent(pairs),
            PerLanguage = predictions.GroupBy(p => p.Example.Language).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var slice = g.Select(p => (p.Example.Intent, p.Predicted)).ToList();
                    return new LanguageMetrics(g.Key, slice.Count, Accuracy(slice), MacroF1(slice));
                }).ToList(),
            ConfusionLabels = labels,
            Confusion = labels.Select(truth => labels.Select(predicted =>
                pairs.Count(p => p.Intent == truth && p.Predicted == predicted)).ToArray()).ToArray(),
            Errors = predictions.Where(p => p.Predicted != p.Example.Intent)
                .Select(p => new Misclassification(p.Example.Text, p.Example.Language, p.Example.Intent, p.Predicted,
                    Math.Round(p.Confidence, 3))).ToList(),
        };
    }

    public static double Accuracy(IReadOnlyList<(string Truth, string Predicted)> pairs) =>
        pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.Truth == p.Predicted) / pairs.Count;

    /// <summary>Macro-F1 over the intents present in the truth of <paramref name="pairs"/>.</summary>
    public static double MacroF1(IReadOnlyList<(string Truth, string Predicted)> pairs)
    {
        var metrics = PerIntent(pairs);
        return metrics.Count == 0 ? 0 : metrics.Average(m => m.F1);
    }

    public static IReadOnlyList<IntentMetrics> PerIntent(IReadOnlyList<(string Truth, string Predicted)> pairs) =>
        pairs.Select(p => p.Truth).Distinct().Order(StringComparer.Ordinal).Select(intent =>
        {
            var truePositives = pairs.Count(p => p.Truth == intent && p.Predicted == intent);
            var predicted = pairs.Count(p => p.Predicted == intent);
            var support = pairs.Count(p => p.Truth == intent);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new IntentMetrics(intent, precision, recall, f1, support);
        }).ToList();
}
