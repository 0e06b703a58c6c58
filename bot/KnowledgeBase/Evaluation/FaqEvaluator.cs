using System.Diagnostics;
using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>Retrieval quality on the questions that have an answer, and restraint on those that must not.</summary>
public sealed record FaqEvalResult(
    int Questions, double Top1, double Top3, double Mrr, double AnsweredCorrectly, double AnsweredWrongly,
    int MustNotAnswer, double WrongAnswerRate, double SuggestedOnMustNot, IReadOnlyDictionary<string, double> Top1ByLanguage,
    double SearchP50Microseconds, double SearchP99Microseconds)
{
    /// <summary>Top-1, top-3 and MRR of each language's questions.</summary>
    public IReadOnlyDictionary<string, (double Top1, double Top3, double Mrr)> ByLanguage { get; init; } =
        new Dictionary<string, (double, double, double)>();
}

/// <summary>Runs an evaluation set through the same search and decision the bot uses.</summary>
public static class FaqEvaluator
{
    public static FaqEvalResult Evaluate(FaqIndex index, KnowledgeBaseOptions options, IReadOnlyList<FaqEvalQuestion> answerable, IReadOnlyList<FaqEvalQuestion> mustNot)
    {
        int top1 = 0, top3 = 0, answeredRight = 0, answeredWrong = 0;
        double reciprocal = 0;
        var latencies = new List<double>();
        var byLanguage = new Dictionary<string, (int Hit, int Total)>();
        var languageRanks = new Dictionary<string, List<int>>();
        foreach (var question in answerable)
        {
            var ranked = Timed(index, question.Text, options, latencies);
            var rank = ranked.ToList().FindIndex(c => c.Entry.Id == question.Expect);
            if (rank == 0) top1++;
            else if (Environment.GetEnvironmentVariable("KB_EVAL_MISSES") == "1")
                Console.WriteLine($"miss [{question.Language}] {question.Text} → expected {question.Expect} (rank {rank}), got {string.Join(", ", ranked.Take(2).Select(c => $"{c.Entry.Id} {c.Similarity:F2}"))}");
            if (rank is >= 0 and < 3) top3++;
            if (rank >= 0) reciprocal += 1.0 / (rank + 1);
            var decision = FaqDecision.Decide(ranked, options);
            if (decision.Kind == FaqDecisionKind.Answer)
            {
                if (rank == 0) answeredRight++;
                else answeredWrong++;
            }
            var (hit, total) = byLanguage.GetValueOrDefault(question.Language);
            byLanguage[question.Language] = (hit + (rank == 0 ? 1 : 0), total + 1);
            if (!languageRanks.TryGetValue(question.Language, out var ranks)) languageRanks[question.Language] = ranks = [];
            ranks.Add(rank);
        }
        int wrong = 0, suggested = 0;
        foreach (var question in mustNot)
        {
            var decision = FaqDecision.Decide(Timed(index, question.Text, options, latencies), options);
            if (decision.Kind == FaqDecisionKind.Answer)
            {
                wrong++;
                if (Environment.GetEnvironmentVariable("KB_EVAL_MISSES") == "1")
                    Console.WriteLine($"must-not answered [{question.Language}] {question.Text} → {decision.Best!.Entry.Id} (confidence {decision.Confidence:F2})");
            }
            else if (decision.Kind == FaqDecisionKind.Suggest) suggested++;
        }
        latencies.Sort();
        double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
        return new FaqEvalResult(answerable.Count, Ratio(top1, answerable.Count), Ratio(top3, answerable.Count),
            answerable.Count == 0 ? 0 : reciprocal / answerable.Count, Ratio(answeredRight, answerable.Count), Ratio(answeredWrong, answerable.Count),
            mustNot.Count, Ratio(wrong, mustNot.Count), Ratio(suggested, mustNot.Count),
            byLanguage.ToDictionary(kv => kv.Key, kv => Ratio(kv.Value.Hit, kv.Value.Total)),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99))
        {
            ByLanguage = languageRanks.ToDictionary(kv => kv.Key, kv => (
                (double)kv.Value.Count(r => r == 0) / kv.Value.Count, (double)kv.Value.Count(r => r is >= 0 and < 3) / kv.Value.Count,
                kv.Value.Sum(r => r >= 0 ? 1.0 / (r + 1) : 0) / kv.Value.Count)),
        };
    }

    /// <summary>Top-1, top-3 and MRR of questions already searched.</summary>
    public static (double Top1, double Top3, double Mrr) Score(IReadOnlyList<(FaqEvalQuestion Question, IReadOnlyList<FaqCandidate> Ranked)> searched)
    {
        if (searched.Count == 0) return (0, 0, 0);
        var ranks = searched.Select(s => s.Ranked.ToList().FindIndex(c => c.Entry.Id == s.Question.Expect)).ToList();
        return ((double)ranks.Count(r => r == 0) / ranks.Count, (double)ranks.Count(r => r is >= 0 and < 3) / ranks.Count,
            ranks.Sum(r => r >= 0 ? 1.0 / (r + 1) : 0) / ranks.Count);
    }

    private static IReadOnlyList<FaqCandidate> Timed(FaqIndex index, string text, KnowledgeBaseOptions options, List<double> latencies)
    {
        var start = Stopwatch.GetTimestamp();
        var ranked = index.Search(text, Math.Max(options.SuggestCount, 3) + 1);
        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        return ranked;
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
