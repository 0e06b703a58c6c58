namespace ChatService.Nlu;

/// <summary>What the model file records beside the ML.NET pipeline: labels, calibration and provenance.</summary>
public sealed record ModelMetadata
{
    /// <summary>Labels in score-slot order.</summary>
    public required string[] Labels { get; init; }
    /// <summary>Softmax temperature fitted on held-out data (1 = none).</summary>
    public double Temperature { get; init; } = 1;
    /// <summary>Calibrated top-1 confidence below which the utterance is out of scope (0 = never).</summary>
    public double OutOfScopeThreshold { get; init; }
    /// <summary>Factor on the out-of-scope class probability before it is compared with the best intent (tuned; 1 = plain argmax).</summary>
    public double OutOfScopeClassScale { get; init; } = 1;
    public bool ScoresAreProbabilities { get; init; } = true;
    public string Settings { get; init; } = "";
    /// <summary>The sentence encoder the features include ("" = none) and the weight of its vector.</summary>
    public string Encoder { get; init; } = "";
    public float EncoderWeight { get; init; } = 1;
    public string DataFingerprint { get; init; } = "";
    public string PipelineVersion { get; init; } = IntentTrainer.PipelineVersion;
}

/// <summary>One candidate intent with its calibrated probability.</summary>
public sealed record IntentScore(string Intent, double Confidence);
