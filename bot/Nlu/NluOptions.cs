namespace ChatService.Nlu;

/// <summary>The <c>Nlu</c> configuration section.</summary>
public sealed class NluOptions
{
    public const string SectionName = "Nlu";

    /// <summary>Folder with <c>intents/</c> and <c>test/</c> (relative to the content root).</summary>
    public string DataDirectory { get; set; } = "nlu-models";
    /// <summary>The trained model file; trained at start-up when missing or stale.</summary>
    public string ModelPath { get; set; } = "nlu-models/model.zip";
    /// <summary>Where <c>nlu train</c> writes evaluation.json and evaluation.md.</summary>
    public string ReportDirectory { get; set; } = "nlu-models/reports";
    /// <summary>The public benchmark datasets used by <c>nlu bench</c> (never copied into the repository).</summary>
    public string DatasetsDirectory { get; set; } = "../shared/datasets";
    /// <summary>Train at start-up when the model file is missing or was trained on other data.</summary>
    public bool TrainOnStartup { get; set; } = true;
    /// <summary>Reload the model when its file changes.</summary>
    public bool WatchModelFile { get; set; } = true;
    /// <summary>Only this many characters are classified (the transcript keeps the whole text).</summary>
    public int MaxClassificationLength { get; set; } = 512;
    /// <summary>Top-1 minus top-2 confidence under which the result is ambiguous (the bot asks which was meant).</summary>
    public double AmbiguityMargin { get; set; } = 0.15;
    /// <summary>Overrides the threshold tuned at training time when set.</summary>
    public double? OutOfScopeThreshold { get; set; }
    /// <summary>
    /// Training: held-out out-of-scope recall the tuned threshold must reach (in-scope accuracy is maximized under
    /// it); null tunes for the best held-out macro-F1 instead.
    /// </summary>
    public double? OutOfScopeRecallTarget { get; set; } = 0.85;
    /// <summary>How many alternatives a result lists after the top intent.</summary>
    public int MaxAlternatives { get; set; } = 3;
}
