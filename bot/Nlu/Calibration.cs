namespace ChatService.Nlu;

/// <summary>Temperature scaling and out-of-scope threshold tuning, both on held-out data.</summary>
public static class Calibration
{
    public static double[] Softmax(float[] scores, double temperature, bool scoresAreProbabilities)
    {
        var logits = new double[scores.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            var score = float.IsFinite(scores[i]) ? scores[i] : 0f;
            logits[i] = (scoresAreProbabilities ? Math.Log(Math.Max(score, 1e-12)) : score) / temperature;
            max = Math.Max(max, logits[i]);
        }
        double sum = 0;
        for (var i = 0; i < logits.Length; i++) sum += logits[i] = Math.Exp(logits[i] - max);
        for (var i = 0; i < logits.Length; i++) logits[i] /= sum;
        return logits;
    }

    /// <summary>The temperature minimizing the negative log-likelihood of the true labels (grid search, log scale).</summary>
    public static double FitTemperature(IReadOnlyList<(float[] Scores, int Label)> heldOut, bool scoresAreProbabilities)
    {
        if (heldOut.Count == 0) return 1;
        double best = 1, bestLoss = double.PositiveInfinity;
        for (var step = -40; step <= 40; step++)
        {
            var temperature = Math.Pow(10, step / 20.0); // 0.01 … 100
            double loss = 0;
            foreach (var (scores, label) in heldOut)
                loss -= Math.Log(Math.Max(Softmax(scores, temperature, scoresAreProbabilities)[label], 1e-12));
            if (loss < bestLoss) (best, bestLoss) = (temperature, loss);
        }
        return best;
    }

    /// <summary>
    /// The out-of-scope threshold and class scale (see <see cref="OutOfScopeDecision"/>) tuned on held-out rankings.
    /// Without <paramref name="recallTarget"/>: the pair with the best held-out <paramref name="objective"/> (the
    /// out-of-scope class counted as one intent). With it: the best in-scope accuracy among pairs catching at least that share of the
    /// held-out out-of-scope utterances (the best mean of the two when none does). Without out-of-scope examples
    /// nothing is learnt (threshold 0, scale 1).
    /// </summary>
    public static (double Threshold, double ClassScale) TuneOutOfScope(IReadOnlyList<(IntentScore[] Ranked, string Truth)> heldOut,
        string outOfScopeLabel, double? recallTarget = null, OutOfScopeObjective objective = OutOfScopeObjective.MacroF1)
    {
        var outOfScope = heldOut.Count(h => h.Truth == outOfScopeLabel);
        var inScope = heldOut.Count - outOfScope;
        if (outOfScope == 0 || inScope == 0) return (0, 1);
        double[] scales = [1, 0.7, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0];
        (double Threshold, double Scale) best = (0, 1), bestBalanced = (0, 1);
        double bestScore = -1, bestBalancedScore = -1;
        var pairs = new (string Truth, string Predicted)[heldOut.Count];
        foreach (var scale in scales)
            for (var step = 0; step <= 95; step++)
            {
                var threshold = step / 100.0;
                int inScopeCorrect = 0, outOfScopeCaught = 0;
                for (var i = 0; i < heldOut.Count; i++)
                {
                    var (ranked, truth) = heldOut[i];
                    var (chosen, isOutOfScope) = OutOfScopeDecision.Decide(ranked, threshold, scale, outOfScopeLabel);
                    pairs[i] = (truth, isOutOfScope ? outOfScopeLabel : chosen.Intent);
                    if (truth == outOfScopeLabel) { if (isOutOfScope) outOfScopeCaught++; }
                    else if (!isOutOfScope && chosen.Intent == truth) inScopeCorrect++;
                }
                double accuracy = (double)inScopeCorrect / inScope, recall = (double)outOfScopeCaught / outOfScope;
                var score = recallTarget is { } target ? (recall >= target ? accuracy : -1)
                    : objective == OutOfScopeObjective.Accuracy ? (double)(inScopeCorrect + outOfScopeCaught) / heldOut.Count
                    : IntentEvaluator.MacroF1(pairs);
                if (score >= 0 && score > bestScore + 1e-9) (best, bestScore) = ((threshold, scale), score);
                if (0.5 * (accuracy + recall) > bestBalancedScore + 1e-9) (bestBalanced, bestBalancedScore) = ((threshold, scale), 0.5 * (accuracy + recall));
            }
        return bestScore >= 0 ? best : bestBalanced;
    }
}
