namespace ChatService.Nlu;

/// <summary>The learners compared by measurement (see nlu-models/reports/evaluation.md).</summary>
public enum TrainerKind
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
    OneVersusAllLinearSvm,
    OneVersusAllAveragedPerceptron,
}

/// <summary>Feature and learner hyperparameters of the intent model.</summary>
public sealed record NluTrainingSettings
{
    public TrainerKind Trainer { get; init; } = TrainerKind.SdcaMaximumEntropy;
    /// <summary>Word n-gram length over the token stream (a Han character is a token, so this is also the Chinese character n-gram length).</summary>
    public int WordNgrams { get; init; } = 3;
    /// <summary>Character n-gram length over the normalized text (0 = off).</summary>
    public int CharNgrams { get; init; } = 4;
    /// <summary>L2-normalize the word and the character blocks separately (else the larger character block dominates).</summary>
    public bool NormalizeBlocks { get; init; } = true;
    public float L2 { get; init; } = 1e-4f;
    public int Iterations { get; init; } = 30;
    /// <summary>Share of the training data held out to fit the temperature and the out-of-scope threshold (0 = none).</summary>
    public double HeldOutFraction { get; init; } = 0.2;
    public int Seed { get; init; }
    /// <summary>
    /// When set, the out-of-scope threshold maximizes in-scope accuracy under this held-out out-of-scope recall;
    /// otherwise it maximizes held-out macro-F1.
    /// </summary>
    public double? OutOfScopeRecallTarget { get; init; }

    public override string ToString() =>
        $"{Trainer} words1-{WordNgrams} chars1-{CharNgrams}{(NormalizeBlocks ? " blocknorm" : "")} L2={L2} it={Iterations}";
}
