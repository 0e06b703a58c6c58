using System.Text.RegularExpressions;

namespace ChatService.Tests.KnowledgeBase.Documents;

/// <summary>
/// Passages are shown to customers with their source, so the manuals must hold no garbled text. The seed texts carried
/// GBK-encoded Chinese decoded one byte out of step: it shows as ASCII '?' (a lost byte) next to Han characters, as
/// characters such as 蛻 粼 诒 碣 崿 (the bytes of 客戶, 戶在, 在保, 理賠 and 實現 read across character boundaries), as
/// private-use characters, and as the site's pinyin annotations ("權(quán)", or "?quán)" once the bracket was eaten).
/// </summary>
public sealed partial class ManualTextTests
{
    [Fact]
    public void RealManuals_NoPassageContainsMojibakeOrPinyinAnnotations()
    {
        var passages = DocumentFixtures.Index.Passages;

        var garbled = (from p in passages
                       let shown = $"{p.Title}\n{p.Section}\n{p.Text}"
                       from Match m in Mojibake().Matches(shown)
                       select $"{p.Id}: …{Around(shown, m)}…").ToList();

        Assert.NotEmpty(passages);
        Assert.Empty(garbled);
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 8);
        return text[start..Math.Min(text.Length, match.Index + match.Length + 8)];
    }

    // A Han character next to an ASCII '?' (Chinese text uses '？'); characters that only GBK read out of step produces;
    // private-use and replacement characters; a tone-marked pinyin syllable closed by a bracket.
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}\?|\?\p{IsCJKUnifiedIdeographs}|[蛻粼诒碣崿\uE000-\uF8FF\uFFFD]|[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")]
    private static partial Regex Mojibake();
}
