namespace ChatService.Nlu;

/// <summary>
/// The out-of-scope rule shared by serving, evaluation and tuning. The out-of-scope class wins only when its
/// probability, scaled by <c>classScale</c> (tuned: a small class of varied examples tends to over-claim), beats the
/// best in-scope intent; otherwise the best in-scope intent is out of scope when its confidence is under the threshold.
/// </summary>
public static class OutOfScopeDecision
{
    public static (IntentScore Chosen, bool IsOutOfScope) Decide(IntentScore[] ranked, double threshold, double classScale,
        string outOfScopeLabel)
    {
        if (ranked.Length == 0) return (new IntentScore(outOfScopeLabel, 0), true);
        var outOfScope = Array.Find(ranked, s => s.Intent == outOfScopeLabel);
        var best = Array.Find(ranked, s => s.Intent != outOfScopeLabel);
        if (best is null || (outOfScope is not null && outOfScope.Confidence * classScale > best.Confidence))
            return (outOfScope ?? ranked[0], true);
        return best.Confidence < threshold ? (new IntentScore(outOfScopeLabel, best.Confidence), true) : (best, false);
    }
}
