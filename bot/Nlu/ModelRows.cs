using Microsoft.ML.Data;

namespace ChatService.Nlu;

/// <summary>One row the ML.NET pipeline reads: the normalized text, its token stream, and the label when training.</summary>
public sealed class ModelInput
{
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    public string Tokens { get; set; } = "";
    public string Segments { get; set; } = "";

    public static ModelInput From(string text, string label = "")
    {
        var normalized = TextNormalizer.Normalize(text);
        return new ModelInput { Label = label, Text = normalized, Tokens = FeatureText.Tokens(normalized),
            Segments = FeatureText.Segments(normalized) };
    }
}

/// <summary>The pipeline's output: one score per label, in label-key order.</summary>
public sealed class ModelOutput
{
    [ColumnName("Score")] public float[] Score { get; set; } = [];
}
