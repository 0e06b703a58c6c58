namespace ChatService.KnowledgeBase.Search;

/// <summary>What the bot does with a question: answer it, ask which entry was meant, or say it has no answer.</summary>
public enum FaqDecisionKind
{
    Answer,
    Suggest,
    NoAnswer,
}

/// <summary>The decision, the calibrated confidence that the best candidate is right, and the candidates, best first.</summary>
public sealed record FaqDecision(FaqDecisionKind Kind, double Confidence, IReadOnlyList<FaqCandidate> Candidates)
{
    public FaqCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    public static FaqDecision Decide(IReadOnlyList<FaqCandidate> ranked, KnowledgeBaseOptions options)
    {
        if (ranked.Count == 0) return new FaqDecision(FaqDecisionKind.NoAnswer, 0, ranked);
        var top = ranked[0].Similarity;
        var confidence = options.Calibration.Probability(top, ranked.Count > 1 ? ranked[1].Similarity : 0);
        if (confidence >= options.AnswerThreshold) return new FaqDecision(FaqDecisionKind.Answer, confidence, ranked);
        if (confidence < options.SuggestThreshold) return new FaqDecision(FaqDecisionKind.NoAnswer, confidence, ranked);
        // "Did you mean": the leaders only, not every weak match.
        var offered = ranked.Where(c => c.Similarity >= top * options.SuggestRelativeFloor).Take(options.SuggestCount).ToList();
        return new FaqDecision(FaqDecisionKind.Suggest, confidence, offered);
    }
}
