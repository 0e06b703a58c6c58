namespace ChatService.Nlu;

/// <summary>What the out-of-scope threshold maximizes on held-out data when no recall target is set.</summary>
public enum OutOfScopeObjective
{
    /// <summary>Macro-F1 over the intents, the out-of-scope class counted as one of them.</summary>
    MacroF1,
    /// <summary>
    /// Accuracy over every held-out utterance, out of scope counted as its own intent: the published rule of
    /// CLINC150 (Larson et al. 2019, §3.2, "the value which yielded the highest validation score across all intents").
    /// </summary>
    Accuracy,
}
