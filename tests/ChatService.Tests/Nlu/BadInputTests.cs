using ChatService.Backends;
using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

[Collection(RepoModelCollection.Name)]
public sealed class BadInputTests(RepoModelFixture fixture)
{
    public static TheoryData<string?> BadInputs => new()
    {
        null, "", "   ", "😀😀😀", "🙏", "\u0000\u0001\u0007\u001b[31m", "\ud800", // lone surrogate
        "今日はいい天気ですね", "안녕하세요 보험", "مرحبا كيف حالك", "Здравствуйте",
        "SELECT * FROM policies WHERE 1=1; DROP TABLE claims;--",
        "public static void Main(string[] args) { Console.WriteLine(\"hi\"); }",
        "<script>alert('x')</script>", "{{7*7}} ${jndi:ldap://x}",
        new string('a', 100_000), new string('赔', 100_000), string.Concat(Enumerable.Repeat("1", 100_000)),
        string.Concat(Enumerable.Repeat("a@", 50_000)), string.Concat(Enumerable.Repeat("😀", 50_000)),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Classify_BadInput_ReturnsAResultWithoutThrowing(string? text)
    {
        var result = fixture.Classifier.Classify(text);
        Assert.NotNull(result.Intent);
        Assert.InRange(result.Confidence, 0, 1);
        Assert.Contains(result.ReplyLanguage, new[] { NluLanguages.SimplifiedChinese, NluLanguages.TraditionalChinese, NluLanguages.English });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("😀😀😀")]
    [InlineData("\u0000\u0001")]
    public void Classify_NothingToClassify_IsOutOfScope(string? text)
    {
        var result = fixture.Classifier.Classify(text);
        Assert.True(result.IsOutOfScope);
        Assert.Equal(Intents.OutOfScope, result.Intent);
    }

    [Fact]
    public void Classify_LongInput_ClassifiesOnlyTheFirstCharacters()
    {
        var head = "我要申请理赔";
        var result = fixture.Classifier.Classify(head + new string(' ', 600) + "tell me a joke about the weather");
        Assert.Equal(fixture.Classifier.Classify(head).Intent, result.Intent);
    }

    [Fact]
    public void Classify_WithoutModel_IsOutOfScopeAndStillFindsEntities()
    {
        var classifier = new IntentClassifier(new IntentModelHolder(), new EntityExtractor(new IdentifierFormats()),
            Microsoft.Extensions.Options.Options.Create(new NluOptions()));
        var result = classifier.Classify("保单P12345678");
        Assert.False(classifier.IsReady);
        Assert.True(result.IsOutOfScope);
        Assert.Single(result.Entities);
    }
}
