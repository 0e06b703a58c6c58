namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Turns raw similarities into the probability that the top entry is the right answer:
/// p = σ(Similarity·s₁ + Lead·(s₁ − s₂) + Bias), fitted by <c>kb tune</c> on held-out alternates (right or wrong
/// top entry) and out-of-scope utterances (always wrong). The fitted values live in configuration.
/// </summary>
public sealed class FaqCalibration
{
    public double Similarity { get; set; } = 3.041;
    public double Lead { get; set; } = 14.073;
    public double Bias { get; set; } = -2.111;

    public double Probability(double top, double second) =>
        1.0 / (1.0 + Math.Exp(-(Similarity * top + Lead * (top - second) + Bias)));

    /// <summary>Fits the three values by gradient descent on the log-loss; deterministic.</summary>
    public static FaqCalibration Fit(IReadOnlyList<(double Top, double Second, bool Correct)> samples, int iterations = 4000, double rate = 0.5)
    {
        double w1 = 0, w2 = 0, b = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            double g1 = 0, g2 = 0, gb = 0;
            foreach (var (top, second, correct) in samples)
            {
                var lead = top - second;
                var p = 1.0 / (1.0 + Math.Exp(-(w1 * top + w2 * lead + b)));
                var error = p - (correct ? 1 : 0);
                g1 += error * top;
                g2 += error * lead;
                gb += error;
            }
            w1 -= rate * g1 / samples.Count * 10;
            w2 -= rate * g2 / samples.Count * 10;
            b -= rate * gb / samples.Count;
        }
        return new FaqCalibration { Similarity = w1, Lead = w2, Bias = b };
    }
}
