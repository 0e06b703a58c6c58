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
    /// The confidence threshold maximizing the mean of in-scope accuracy and out-of-scope recall on held-out
    /// predictions (top label, its confidence, whether it was right, whether the utterance was out of scope).
    /// Without out-of-scope examples no threshold is learnt (0).
    /// </summary>
    public static double TuneThreshold(IReadOnlyList<(string Predicted, double Confidence, string Truth)> heldOut, string outOfScopeLabel)
    {
        var outOfScope = heldOut.Count(h => h.Truth == outOfScopeLabel);
        var inScope = heldOut.Count - outOfScope;
        if (outOfScope == 0 || inScope == 0) return 0;
        double best = 0, bestScore = double.NegativeInfinity;
        for (var step = 0; step <= 95; step++)
        {
            var threshold = step / 100.0;
            int inScopeCorrect = 0, outOfScopeCaught = 0;
            foreach (var (predicted, confidence, truth) in heldOut)
            {
                var decided = confidence < threshold ? outOfScopeLabel : predicted;
                if (truth == outOfScopeLabel) { if (decided == outOfScopeLabel) outOfScopeCaught++; }
                else if (decided == truth) inScopeCorrect++;
            }
            var score = 0.5 * inScopeCorrect / inScope + 0.5 * outOfScopeCaught / outOfScope;
            if (score > bestScore + 1e-9) (best, bestScore) = (threshold, score);
        }
        return best;
    }
}
