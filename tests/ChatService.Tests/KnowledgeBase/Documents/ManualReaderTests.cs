using ChatService.KnowledgeBase.Documents;

namespace ChatService.Tests.KnowledgeBase.Documents;

public sealed class ManualReaderTests
{
    [Fact]
    public void Read_ChapteredManual_GivesChapterAndSectionPaths()
    {
        var manual = ManualReader.Read(DocumentFixtures.Manual("customer-service-process-2025"));

        Assert.Equal("2025年保險行業客戶服務流程", manual.Title);
        Assert.Equal("2025 Insurance Customer Service Process", manual.EnglishTitle);
        var paths = manual.Sections.Select(s => string.Join(" › ", s.Path)).ToList();
        Assert.Contains("第2章 服務實施過程 › 一、服務接待與溝通", paths);
        Assert.Contains("第2章 服務實施過程 › 二、服務咨詢與解答", paths);
        Assert.Contains("第6章 服務風險與合規 › 三、服務糾紛處理", paths);
        var consulting = manual.Sections.Single(s => s.Path.SequenceEqual(["第2章 服務實施過程", "二、服務咨詢與解答"]));
        Assert.StartsWith("2.2服務咨詢與解答", consulting.Text);
        Assert.Contains("小時內得到響應", consulting.Text);
    }

    [Fact]
    public void Read_Manual_LeavesOutTheTableOfContentsAndMetadata()
    {
        var manual = ManualReader.Read(DocumentFixtures.Manual("customer-service-process-2025"));

        Assert.DoesNotContain(manual.Sections, s => s.Text.Contains("1.第一章服務前準備1.1服務需求分析1.2"));
        Assert.DoesNotContain(manual.Sections, s => s.Text.Contains("Original seed file"));
    }

    [Fact]
    public void Read_PolicyWithoutChapters_NamesTheTextBeforeTheFirstHeadingByItsSection()
    {
        var manual = ManualReader.Read(DocumentFixtures.Manual("quality-management-policy"));

        Assert.Equal(["一、總則"], manual.Sections[0].Path);
        Assert.Contains(manual.Sections, s => s.Path.SequenceEqual(["五、理賠品質管理"]) && s.Text.Contains("理賠時效"));
        Assert.Equal(8, manual.Sections.Count);
    }

    [Theory]
    [InlineData("二、服務咨詢與解答2.2服務咨詢與解答在2025年", "二、服務咨詢與解答", "2.2服務咨詢與解答在2025年")]
    [InlineData("二、會員服務內容(一)保險咨詢1.為會員", "二、會員服務內容", "(一)保險咨詢1.為會員")]
    [InlineData("第8章 服務成果與展望", "第8章 服務成果與展望", "")]
    public void SplitHeading_HeadingRunningIntoItsBody_CutsWhereTheBodyStarts(string line, string heading, string body)
    {
        Assert.Equal((heading, body), ManualReader.SplitHeading(line));
    }
}
