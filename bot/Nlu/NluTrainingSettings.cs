namespace ChatService.Nlu;

/// <summary>The learners compared by measurement (see nlu-models/reports/evaluation.md).</summary>
public enum TrainerKind
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
    OneVersusAllLinearSvm,
    OneVersusAllAveragedPerceptron,
    /// <summary>Multiclass SDCA with the hinge loss (a linear SVM; scores are margins).</summary>
    SdcaHinge,
    /// <summary>One binary hinge-loss SDCA per intent (one-versus-all linear SVMs; scores are margins).</summary>
    OneVersusAllSdcaHinge,
}

/// <summary>Feature and learner hyperparameters of the intent model.</summary>
public sealed record NluTrainingSettings
{
    public TrainerKind Trainer { get; init; } = TrainerKind.SdcaMaximumEntropy;
    /// <summary>Word n-gram length over the token stream (a Han character is a token, so this is also the Chinese character n-gram length).</summary>
    public int WordNgrams { get; init; } = 3;
    /// <summary>Character n-gram length over the normalized text (0 = off).</summary>
    public int CharNgrams { get; init; } = 4;
    /// <summary>Word n-gram length over ICU's Chinese word segmentation (0 = off).</summary>
    public int SegmentNgrams { get; init; }
    /// <summary>Keep only the most frequent n-grams of each length (0 = all): fewer weights, faster L-BFGS.</summary>
    public int MaxNgrams { get; init; }
    /// <summary>L2-normalize the word and the character blocks separately (else the larger character block dominates).</summary>
    public bool NormalizeBlocks { get; init; } = true;
    /// <summary>
    /// Ensemble members as feature columns separated by '+' (<c>Features+WordNgrams+CharNgrams</c>): one learner per
    /// column, their probabilities averaged. Empty = one learner on all features. Members must output probabilities.
    /// </summary>
    public string Ensemble { get; init; } = "";
    /// <summary>A frozen sentence encoder whose vector joins the features ("" = none; see <see cref="SentenceEmbedder"/>).</summary>
    public string Encoder { get; init; } = "";
    /// <summary>Length of the encoder's vector beside the unit-length n-gram blocks, before the features are normalized.</summary>
    public float EncoderWeight { get; init; } = 1;
    public float L2 { get; init; } = 1e-4f;
    public int Iterations { get; init; } = 30;
    /// <summary>L-BFGS threads (1 = the repeatable default; more only where repeatability was shown, see benchmarks.md).</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Share of the training data held out to fit the temperature and the out-of-scope threshold (0 = none).</summary>
    public double HeldOutFraction { get; init; } = 0.2;
    /// <summary>
    /// Calibrate on out-of-fold scores of this many stratified folds (each example held out once; the temperature and
    /// threshold then rest on all of the data, not one fifth); 1 = a single <see cref="HeldOutFraction"/> split.
    /// Ignored when <see cref="HeldOutFraction"/> is 0 or a validation set is given.
    /// </summary>
    public int CalibrationFolds { get; init; } = 1;
    public int Seed { get; init; }
    /// <summary>
    /// When set, the out-of-scope threshold maximizes in-scope accuracy under this held-out out-of-scope recall;
    /// otherwise it maximizes <see cref="OutOfScopeObjective"/> on the held-out data.
    /// </summary>
    public double? OutOfScopeRecallTarget { get; init; }
    public OutOfScopeObjective OutOfScopeObjective { get; init; } = OutOfScopeObjective.MacroF1;
    /// <summary>
    /// With a validation set: leave every n-th intent out of a probe model and tune the out-of-scope threshold with
    /// those intents' validation utterances added as out of scope (0 = off).
    /// </summary>
    public int HeldOutIntentEvery { get; init; }

    public override string ToString() =>
        $"{Trainer} words1-{WordNgrams} chars1-{CharNgrams}{(SegmentNgrams > 0 ? $" zhwords1-{SegmentNgrams}" : "")}{(NormalizeBlocks ? " blocknorm" : "")}{(MaxNgrams > 0 ? $" max{MaxNgrams}" : "")}{(Encoder.Length > 0 ? $" encoder={Encoder}x{EncoderWeight}" : "")}{(Ensemble.Length > 0 ? $" ensemble[{Ensemble}]" : "")} L2={L2} it={Iterations}{(Threads > 1 ? $" threads={Threads}" : "")}{(CalibrationFolds > 1 ? $" folds={CalibrationFolds}" : "")}{(HeldOutIntentEvery > 0 ? $" pseudo-oos=1/{HeldOutIntentEvery}" : "")}{(OutOfScopeRecallTarget is { } r ? $" oos-recall>={r}" : OutOfScopeObjective != OutOfScopeObjective.MacroF1 ? $" oos-objective={OutOfScopeObjective}" : "")}";
}
