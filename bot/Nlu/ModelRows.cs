using Microsoft.ML.Data;

namespace ChatService.Nlu;

/// <summary>One row the ML.NET pipeline reads: the normalized text, its token stream, and the label when training.</summary>
public sealed class ModelInput
{
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    public string Tokens { get; set; } = "";
    public string Segments { get; set; } = "";
    /// <summary>The sentence encoder's vector (all zeros when the model has none; see <see cref="SentenceEmbedder"/>).</summary>
    [VectorType(SentenceEmbedder.Dimensions)] public float[] Embedding { get; set; } = SentenceEmbedder.None;

    public static ModelInput From(string text, string label = "")
    {
        var normalized = TextNormalizer.Normalize(text);
        return new ModelInput { Label = label, Text = normalized, Tokens = FeatureText.Tokens(normalized),
            Segments = FeatureText.Segments(normalized) };
    }

    /// <summary>
    /// Rows for many texts at once: normalized as <see cref="From"/>, plus the encoder's vectors of the raw texts
    /// (encoded in batches) when <paramref name="encoder"/> is set.
    /// </summary>
    public static List<ModelInput> FromAll(IReadOnlyList<string> texts, IReadOnlyList<string>? labels, string encoder, float weight)
    {
        var rows = texts.Select((text, i) => From(text, labels?[i] ?? "")).ToList();
        if (encoder.Length == 0) return rows;
        var vectors = SentenceEmbedder.Encode(texts, encoder, weight);
        for (var i = 0; i < rows.Count; i++) rows[i].Embedding = vectors[i];
        return rows;
    }
}

/// <summary>The pipeline's output: one score per label, in label-key order.</summary>
public sealed class ModelOutput
{
    [ColumnName("Score")] public float[] Score { get; set; } = [];
}
