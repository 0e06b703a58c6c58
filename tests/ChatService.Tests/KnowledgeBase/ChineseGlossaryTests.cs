using System.Text.Json;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

/// <summary>
/// Chinese questions glossed into English for the meaning signal. The dictionary is a small file in CC-CEDICT's JSON
/// form written by the test (the real one is fetched, not committed); the sentence encoder is the real MiniLM.
/// </summary>
public sealed class ChineseGlossaryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cedict-test-{Guid.NewGuid():N}.json");

    public ChineseGlossaryTests()
    {
        (string Traditional, string Simplified, string Pinyin, string[] English)[] words =
        [
            ("聯絡", "联络", "lian2 luo4", ["to get in touch with", "to contact"]),
            ("聯", "联", "lian2", ["to ally"]),
            ("方", "方", "Fang1", ["surname Fang"]),
            ("方", "方", "fang1", ["square", "direction"]),
            ("方法", "方法", "fang1 fa3", ["method", "way"]),
            ("幾點", "几点", "ji3 dian3", ["what time?", "when?"]),
            ("開門", "开门", "kai1 men2", ["variant of 開門", "to open a door (lit. and fig.)", "to open for business"]),
            ("的", "的", "de5", ["of; ~'s (possessive particle)"]),
        ];
        File.WriteAllText(_path, JsonSerializer.Serialize(words.Select(w => new
        {
            traditional = w.Traditional, simplified = w.Simplified, pinyin = w.Pinyin, english = w.English,
        })));
    }

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("联络方法", "get in touch with method")]     // the longest headword wins over 联 + …
    [InlineData("聯絡方法", "get in touch with method")]     // Traditional meets the Simplified headword
    [InlineData("方", "square")]                              // a common word before the surname of the same characters
    [InlineData("几点开门", "what time? open a door")]        // cross-references skipped, notes in brackets dropped
    [InlineData("的app", "of app")]                           // the first item of a sense; Latin text kept
    [InlineData("你好", "")]                                  // nothing the dictionary knows
    public void Gloss_ReadsWordsByLongestMatch(string text, string expected) =>
        Assert.Equal(expected, ChineseGlossary.Load(_path).Gloss(text));

    [Fact]
    public void Shared_WithoutTheFile_IsNull() =>
        Assert.Null(ChineseGlossary.Shared(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json")));

    [Fact]
    public void ChineseQuestion_SharingNoWords_FindsTheEntryThroughItsGloss()
    {
        static FaqEntry Entry(string id, string zh, string en) => new()
        {
            Id = id, Category = "channels", Status = FaqStatuses.Published,
            Content = new Dictionary<string, FaqContent>
            {
                [FaqLanguages.Simplified] = new(zh, [], "…"),
                [FaqLanguages.English] = new(en, [], "…"),
            },
        };
        FaqEntry[] entries =
        [
            Entry("address", "邮寄地址在哪里", "What is your postal address?"),
            Entry("hours", "营业时间是什么", "What are your opening hours?"),
            Entry("claims", "理赔要多久", "How long does a claim take?"),
        ];
        const string question = "几点开门"; // "what time do you open": no character bigram in common with any entry
        var ranking = FaqRanking.Default with
        {
            Semantic = 1.5, SemanticFloor = 0.35, ChineseSemantic = 0.375, Glossary = ChineseGlossary.Shared(_path),
        };

        Assert.DoesNotContain(new FaqIndex(entries).Search(question), c => c.Entry.Id == "hours");
        var found = new FaqIndex(entries, ranking: ranking).Search(question);
        Assert.True(found.Count > 0 && found[0].Entry.Id == "hours", string.Join(", ", found.Select(c => $"{c.Entry.Id} {c.Similarity:F2}")));
    }
}
