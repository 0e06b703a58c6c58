using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

public sealed class FeatureTextTests
{
    [Fact]
    public void IcuWordBreaker_FindsIcu() => Assert.True(IcuWordBreaker.IsAvailable);

    [Theory]
    [InlineData("我要申请理赔", "我要", "申请")]      // dictionary words, not single characters (理赔 is not in ICU's dictionary)
    [InlineData("我的保单什么时候到期", "保单", "到期")]
    [InlineData("我想check一下claim进度", "check", "进度")] // code-mixed: Latin words stay whole
    public void Segments_ChineseText_SplitsIntoDictionaryWords(string text, string first, string second)
    {
        var words = FeatureText.Segments(TextNormalizer.Normalize(text)).Split(' ');
        Assert.Contains(first, words);
        Assert.Contains(second, words);
    }

    [Theory]
    [InlineData("保单P12345678到期了吗", "0")]   // digit runs generalize as in the word block
    [InlineData("赔了3,000.50元", "0")]
    public void Segments_DigitRuns_BecomeZero(string text, string expected)
    {
        var segments = FeatureText.Segments(TextNormalizer.Normalize(text));
        Assert.DoesNotContain("1", segments);
        Assert.Contains(expected, segments);
    }

    [Theory]
    [InlineData("where is my claim")]
    [InlineData("")]
    [InlineData("😀😀")]
    public void Segments_TextWithoutHan_IsEmpty(string text) =>
        Assert.Equal("", FeatureText.Segments(TextNormalizer.Normalize(text)));

    [Fact]
    public void Tokens_HanCharactersAreTokensAndDigitsCollapse() =>
        Assert.Equal("查 保 单 p0", FeatureText.Tokens(TextNormalizer.Normalize("查保单P12345678")));

    [Theory]
    [InlineData("안녕하세요 날씨가 좋네요", false)]
    [InlineData("مرحبا كيف حالك", false)]
    [InlineData("😀 😀", false)]
    [InlineData("", false)]
    [InlineData("今日はいい天気ですね", true)]   // kanji are Han: the model reads them
    [InlineData("café", true)]
    [InlineData("12345", true)]
    public void IsReadable_OnlyScriptsTheModelWasTrainedOn(string text, bool readable) =>
        Assert.Equal(readable, FeatureText.IsReadable(TextNormalizer.Normalize(text)));
}
