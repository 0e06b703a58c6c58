namespace ChatService.Nlu;

/// <summary>Precision, recall and F1 of one intent on a test set.</summary>
public sealed record IntentMetrics(string Intent, double Precision, double Recall, double F1, int Support);

/// <summary>Scores of one language's slice of a test set.</summary>
public sealed record LanguageMetrics(string Language, int Count, double Accuracy, double MacroF1);

/// <summary>The evaluation of a model on a labelled test set (written as JSON and markdown by <c>nlu train|eval</c>).</summary>
public sealed record EvaluationReport
{
    public required string Model { get; init; }
    public int Count { get; init; }
    public double Accuracy { get; init; }
    public double MacroF1 { get; init; }
    public double? InScopeAccuracy { get; init; }
    public double? OutOfScopeRecall { get; init; }
    public double Temperature { get; init; }
    public double OutOfScopeThreshold { get; init; }
    public double OutOfScopeClassScale { get; init; } = 1;
    public double? TrainingSeconds { get; init; }
    public int? TrainingCount { get; init; }
    public required IReadOnlyList<IntentMetrics> PerIntent { get; init; }
    public required IReadOnlyList<LanguageMetrics> PerLanguage { get; init; }
    public required IReadOnlyList<string> ConfusionLabels { get; init; }
    /// <summary>Rows = true intent, columns = predicted intent, in <see cref="ConfusionLabels"/> order.</summary>
    public required int[][] Confusion { get; init; }
    public IReadOnlyList<TrainerComparison> TrainerComparison { get; init; } = [];
    public IReadOnlyList<Misclassification> Errors { get; init; } = [];
}

/// <summary>One learner/feature configuration scored during model selection.</summary>
public sealed record TrainerComparison(string Settings, double HeldOutMacroF1, double HeldOutAccuracy, double TrainingSeconds);

/// <summary>A test utterance the model got wrong.</summary>
public sealed record Misclassification(string Text, string Language, string Expected, string Predicted, double Confidence);
