using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]               // full-width → half-width, then case folding
    [InlineData("\u3000你好\u3000", "你好")]             // ideographic space
    [InlineData("①号 ﬁle", "1号 file")]                // NFKC compatibility forms
    [InlineData("I Want To FILE A Claim", "i want to file a claim")]
    [InlineData("保險理賠報案", "保险理赔报案")]           // Traditional → Simplified
    [InlineData("續保繳費", "续保缴费")]
    [InlineData("我要報案！！！  怎麼辦？？", "我要报案 怎么办")] // punctuation and whitespace cleanup
    [InlineData("don't  know...", "dont know")]
    [InlineData("赔了 3,000.50 元", "赔了 3,000.50 元")]  // separators inside numbers stay
    [InlineData("tab\tand\u0007bell\r\nnew", "tab and bell new")]
    [InlineData("", "")]
    public void Normalize_ConvertsEachForm(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void ScriptConverter_FindsIcu() => Assert.True(ScriptConverter.IsAvailable);

    [Theory]
    [InlineData("保险理赔", "保險理賠")]
    [InlineData("服务满意度", "服務滿意度")]
    [InlineData("hello 123", "hello 123")]
    public void ToTraditional_ConvertsSimplified(string input, string expected) =>
        Assert.Equal(expected, ScriptConverter.ToTraditional(input));

    [Fact]
    public void ToSimplified_IsThreadSafe()
    {
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = ScriptConverter.ToSimplified("保險理賠報案" + i));
        for (var i = 0; i < results.Length; i++) Assert.Equal("保险理赔报案" + i, results[i]);
    }

    [Theory]
    [InlineData("我要报案", "我 要 报 案")]
    [InlineData("policy p12345678 到期", "policy p0 到 期")]
    [InlineData("i want 2 claims", "i want 0 claims")]
    public void Tokens_SplitsHanCharactersAndFoldsDigits(string normalized, string expected) =>
        Assert.Equal(expected, FeatureText.Tokens(normalized));
}
