using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("我要申请理赔", "zh-Hans", "zh-Hans")]
    [InlineData("我要申請理賠", "zh-Hant", "zh-Hant")]
    [InlineData("I want to file a claim", "en", "en")]
    [InlineData("我想查一下 my policy status", "mixed", "zh-Hans")]
    [InlineData("我想查詢 claim status 呀", "mixed", "zh-Hant")]
    [InlineData("我的保单P12345678", "zh-Hans", "zh-Hans")]   // an identifier is not English
    [InlineData("", "unknown", "en")]
    [InlineData("😀😀", "unknown", "en")]
    public void Detect_ReturnsLanguageAndReplyLanguage(string text, string code, string reply)
    {
        var detected = LanguageDetector.Detect(text);
        Assert.Equal(code, detected.Code);
        Assert.Equal(reply, detected.Reply);
    }

    [Theory]
    [InlineData("你好", "zh-TW", "zh-Hant")]   // shared characters: the channel locale decides
    [InlineData("你好", "zh-CN", "zh-Hans")]
    [InlineData("你好", null, "zh-Hans")]
    public void Detect_UsesLocaleHintWhenTheScriptIsUndecided(string text, string? locale, string reply) =>
        Assert.Equal(reply, LanguageDetector.Detect(text, locale).Reply);
}
