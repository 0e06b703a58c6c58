using ChatService.KnowledgeBase.Documents;

namespace ChatService.Tests.KnowledgeBase.Documents;

public sealed class HanTokenCounterTests
{
    [Theory]
    [InlineData("理赔需要哪些材料", 8)]          // one token per Han character
    [InlineData("理賠需要哪些材料", 8)]          // Traditional counts the same
    [InlineData("理赔，需要材料。", 8)]          // full-width punctuation is a token each
    [InlineData("claim", 1)]                      // a short English word is one token
    [InlineData("underwriting", 2)]               // a long one is split like sub-words
    [InlineData("the claim form", 3)]             // whitespace is free
    [InlineData("24小时", 3)]                     // digits in groups of three
    [InlineData("", 0)]
    public void Count_MixedText_CountsHanCharactersAndWordsAsTokens(string text, int expected)
    {
        Assert.Equal(expected, HanTokenCounter.Count(text));
    }

    [Fact]
    public void Count_LongChineseText_IsNotUndercountedLikeTheDefaultCounter()
    {
        var text = new string('赔', 400);

        Assert.Equal(400, HanTokenCounter.Count(text));
        Assert.True(HanTokenCounter.Count(text) > text.Length / 4 * 3, "the default length/4 counter would say 100");
    }
}
