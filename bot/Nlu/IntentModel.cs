using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace ChatService.Nlu;

/// <summary>
/// A trained intent model: the ML.NET transformer, its labels and calibration. Thread-safe: prediction engines are
/// not, so each call borrows one from a pool.
/// </summary>
public sealed class IntentModel
{
    private const string PipelineEntry = "mlnet.zip";
    private const string MetadataEntry = "nlu.json";
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly DataViewSchema inputSchema;
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> engines;

    public IntentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ModelMetadata metadata)
    {
        this.ml = ml;
        this.transformer = transformer;
        this.inputSchema = inputSchema;
        Metadata = metadata;
        engines = new DefaultObjectPool<PredictionEngine<ModelInput, ModelOutput>>(new EnginePolicy(ml, transformer),
            Environment.ProcessorCount * 4);
    }

    public ModelMetadata Metadata { get; }

    public IntentModel WithMetadata(ModelMetadata metadata) => new(ml, transformer, inputSchema, metadata);

    /// <summary>The row this model reads for <paramref name="text"/> (with the encoder's vector when it has one).</summary>
    public ModelInput Input(string text) => Inputs([text])[0];

    public List<ModelInput> Inputs(IReadOnlyList<string> texts) =>
        ModelInput.FromAll(texts, null, Metadata.Encoder, Metadata.EncoderWeight);

    /// <summary>Raw (uncalibrated) scores of an already prepared input, in label order (an ensemble's averaged).</summary>
    public float[] RawScores(ModelInput input)
    {
        var engine = engines.Get();
        try { return Average(engine.Predict(input).Score, Metadata.Labels.Length); }
        finally { engines.Return(engine); }
    }

    /// <summary>An ensemble writes its members' scores end to end: their mean per label (a copy when there is one member).</summary>
    private static float[] Average(float[] scores, int labels)
    {
        if (labels == 0 || scores.Length <= labels) return (float[])scores.Clone();
        var members = scores.Length / labels;
        var mean = new float[labels];
        for (var i = 0; i < labels; i++)
        {
            float sum = 0;
            for (var m = 0; m < members; m++) sum += scores[m * labels + i];
            mean[i] = sum / members;
        }
        return mean;
    }

    /// <summary>Calibrated probabilities of all labels, best first.</summary>
    public IntentScore[] Rank(ModelInput input) => Rank(RawScores(input));

    public IntentScore[] Rank(float[] rawScores)
    {
        var probabilities = Calibration.Softmax(rawScores, Metadata.Temperature, Metadata.ScoresAreProbabilities);
        var ranked = new IntentScore[probabilities.Length];
        for (var i = 0; i < ranked.Length; i++) ranked[i] = new IntentScore(Metadata.Labels[i], probabilities[i]);
        Array.Sort(ranked, (a, b) => b.Confidence.CompareTo(a.Confidence));
        return ranked;
    }

    /// <summary>The decided intent of a ranking under the model's tuned out-of-scope rule.</summary>
    public (string Intent, bool IsOutOfScope) Decide(IntentScore[] ranked, string outOfScopeLabel = Intents.OutOfScope)
    {
        var (chosen, outOfScope) = OutOfScopeDecision.Decide(ranked, Metadata.OutOfScopeThreshold, Metadata.OutOfScopeClassScale, outOfScopeLabel);
        return (outOfScope ? outOfScopeLabel : chosen.Intent, outOfScope);
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (temporary file, then rename), so a watcher never sees half a file.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using (var entry = Entry(zip, PipelineEntry).Open()) ml.Model.Save(transformer, inputSchema, entry);
            using (var entry = Entry(zip, MetadataEntry).Open()) JsonSerializer.Serialize(entry, Metadata, JsonOptions);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static IntentModel Load(string path)
    {
        var ml = new MLContext(seed: 0);
        using var zip = ZipFile.OpenRead(path);
        var metadataEntry = zip.GetEntry(MetadataEntry) ?? throw new InvalidDataException($"{path}: no {MetadataEntry}");
        ModelMetadata metadata;
        using (var stream = metadataEntry.Open())
            metadata = JsonSerializer.Deserialize<ModelMetadata>(stream) ?? throw new InvalidDataException($"{path}: empty metadata");
        var pipeline = new MemoryStream();
        using (var stream = (zip.GetEntry(PipelineEntry) ?? throw new InvalidDataException($"{path}: no {PipelineEntry}")).Open())
            stream.CopyTo(pipeline);
        pipeline.Position = 0;
        var transformer = ml.Model.Load(pipeline, out var inputSchema);
        return new IntentModel(ml, transformer, inputSchema, metadata);
    }

    /// <summary>Reads only the metadata (cheap: used to decide whether the model is stale).</summary>
    public static ModelMetadata? ReadMetadata(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            using var stream = zip.GetEntry(MetadataEntry)?.Open();
            return stream is null ? null : JsonSerializer.Deserialize<ModelMetadata>(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException) { return null; }
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero); // repeatable bytes
        return entry;
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> engine) => true;
    }
}
