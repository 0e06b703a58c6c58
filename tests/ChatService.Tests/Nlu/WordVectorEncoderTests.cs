using System.Text;
using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

/// <summary>
/// The <c>zhw2v</c> encoder of the SMP2017 benchmark, on a small word2vec file written here in the same binary
/// format as the real one (which is GPL-3.0 data fetched at benchmark time and never in the repository).
/// </summary>
public sealed class WordVectorEncoderTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"w2v-{Guid.NewGuid():N}.bin");

    public void Dispose() => File.Delete(path);

    /// <summary>The word2vec binary layout: a "count dims" line, then per word its UTF-8 text, a space and little-endian floats.</summary>
    private WordVectorEncoder.WordVectors Write(params (string Word, float[] Vector)[] words)
    {
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(Encoding.UTF8.GetBytes($"{words.Length} {words[0].Vector.Length}\n"));
            foreach (var (word, vector) in words)
            {
                writer.Write(Encoding.UTF8.GetBytes(word + " "));
                foreach (var v in vector) writer.Write(v);
                writer.Write((byte)'\n');
            }
        }
        return WordVectorEncoder.WordVectors.Load(path);
    }

    private WordVectorEncoder.WordVectors Table() => Write(
        ("</s>", [1, 1, 1, 1]), ("理赔", [2, 0, 0, 0]), ("申请", [0, 3, 0, 0]), ("理", [0, 0, 1, 0]), ("赔", [0, 0, 0, 1]),
        ("保單", [0, 0, 5, 5]), ("claim", [0, 0, 0, 7]));

    [Fact]
    public void Encode_AveragesUnitVectorsOfTheLongestWords_ToAUnitVectorPaddedToTheFeatureWidth()
    {
        var vector = WordVectorEncoder.Encode("申请理赔", Table());
        Assert.Equal(SentenceEmbedder.Dimensions, vector.Length);
        // 理赔 is matched whole, not as 理 + 赔: the mean of (1,0,0,0) and (0,1,0,0), scaled to unit length.
        Assert.Equal([MathF.Sqrt(0.5f), MathF.Sqrt(0.5f), 0f, 0f], vector[..4], new Tolerance());
        Assert.All(vector[4..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Encode_NormalizesTextAndVocabularyAlike_SoTraditionalFullWidthAndCaseMeetTheSameWords()
    {
        var table = Table();
        Assert.Equal(WordVectorEncoder.Encode("申请理赔", table), WordVectorEncoder.Encode("申請理賠", table));
        // The file's Traditional 保單 is stored under its Simplified form; ＣＬＡＩＭ folds to claim.
        Assert.Equal([0f, 0f, MathF.Sqrt(0.5f), MathF.Sqrt(0.5f)], WordVectorEncoder.Encode("保单", table)[..4], new Tolerance());
        Assert.Equal([0f, 0f, 0f, 1f], WordVectorEncoder.Encode("ＣＬＡＩＭ", table)[..4], new Tolerance());
    }

    [Fact]
    public void Encode_WithoutAnyKnownWord_IsAllZeros_AndUnknownCharactersAreSkipped()
    {
        var table = Table();
        Assert.All(WordVectorEncoder.Encode("你好 😀 <script>", table), v => Assert.Equal(0f, v));
        Assert.All(WordVectorEncoder.Encode("", table), v => Assert.Equal(0f, v));
        Assert.Equal(WordVectorEncoder.Encode("理赔", table), WordVectorEncoder.Encode("我要理赔!!", table));
    }

    [Fact]
    public void Load_OfAMissingFile_NamesTheScriptThatFetchesIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => WordVectorEncoder.WordVectors.Load(path));
        Assert.Contains("tests/benchmarks/fetch-word-vectors.sh", error.Message);
        Assert.Contains(path, error.Message);
    }

    private sealed class Tolerance : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-5f;
        public int GetHashCode(float value) => 0;
    }
}
