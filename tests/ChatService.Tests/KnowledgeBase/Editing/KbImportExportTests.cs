using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Editing;

namespace ChatService.Tests.KnowledgeBase.Editing;

public sealed class KbImportExportTests(KbHostFixture fixture) : IClassFixture<KbHostFixture>
{
    private HttpClient Alice => fixture.Host.Client("alice");

    [Fact]
    public async Task ImportYaml_OneBadEntry_ReportsFileLineReasonAndImportsNothing()
    {
        var before = await CountAsync();
        var yaml = FaqYamlWriter.Write([Entry("value-import-good"), Entry("value-import-bad") with { Category = "gardening" }]);
        var badLine = yaml.Split('\n').ToList().FindIndex(l => l == "- id: value-import-bad") + 1;

        var response = await Alice.PostAsync("/api/kb/import?format=yaml&fileName=new.yaml", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("imported").GetBoolean());
        var issue = Assert.Single(report.GetProperty("issues").EnumerateArray());
        Assert.Equal("new.yaml", issue.GetProperty("file").GetString());
        Assert.Equal(badLine, issue.GetProperty("line").GetInt32());
        Assert.Contains("unknown category 'gardening'", issue.GetProperty("reason").GetString());
        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Alice.GetAsync("/api/kb/entries/value-import-good")).StatusCode);
    }

    [Fact]
    public async Task ImportCsv_BrokenRows_ReportLinesAndImportNothing()
    {
        var before = await CountAsync();
        var csv = FaqCsv.Write([Entry("value-csv-one"), Entry("value-csv-two")]).Split('\n').ToList();
        var row = csv.FindIndex(l => l.StartsWith("value-csv-two,", StringComparison.Ordinal));
        csv[row] = csv[row].Replace("value_added", "value_added,extra cell", StringComparison.Ordinal);
        var response = await Alice.PostAsync("/api/kb/import?format=csv&fileName=new.csv", new StringContent(string.Join('\n', csv), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issues").EnumerateArray());
        Assert.Equal(row + 1, issue.GetProperty("line").GetInt32());
        Assert.Contains("cells", issue.GetProperty("reason").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ImportYaml_Malformed_ReportsTheLine()
    {
        var response = await Alice.PostAsync("/api/kb/import?format=yaml", new StringContent("- id: x\n  category: [unclosed\n", Encoding.UTF8));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issues")[0];
        Assert.True(issue.GetProperty("line").GetInt32() >= 2);
    }

    [Fact]
    public async Task ImportCsv_Valid_CreatesDraftsAudited()
    {
        var csv = FaqCsv.Write([Entry("value-csv-ok-one"), Entry("value-csv-ok-two")]);
        var response = await Alice.PostAsync("/api/kb/import?fileName=ok.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        var entry = await Alice.GetFromJsonAsync<JsonElement>("/api/kb/entries/value-csv-ok-two");
        Assert.Equal("draft", entry.GetProperty("entry").GetProperty("status").GetString());
        Assert.Equal("Line one, with a comma.\n\n- \"quoted\" item", entry.GetProperty("entry").GetProperty("content").GetProperty("en").GetProperty("answer").GetString());
        var audit = await Alice.GetFromJsonAsync<JsonElement>("/api/kb/audit?entryId=value-csv-ok-two&action=import");
        Assert.Equal("alice", Assert.Single(audit.EnumerateArray()).GetProperty("by").GetString());
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("csv")]
    public async Task Export_ThenRead_RoundTripsEveryEntry(string format)
    {
        var stored = (await Alice.GetFromJsonAsync<List<JsonElement>>("/api/kb/entries"))!.Select(e => e.GetProperty("id").GetString()!).ToList();
        var text = await Alice.GetStringAsync($"/api/kb/export?format={format}");

        var (entries, issues) = format == "csv"
            ? (FaqCsv.Read("export.csv", text) is var csv ? (csv.Entries.Select(e => e.Entry).ToList(), csv.Issues) : default)
            : FaqYamlReader.Read("export.yaml", text);

        Assert.Empty(issues);
        Assert.Equal(stored, entries.Select(e => e.Id).Order(StringComparer.Ordinal).ToList());
        var original = await Alice.GetFromJsonAsync<JsonElement>("/api/kb/entries/claims-how-to-report");
        var exported = entries.Single(e => e.Id == "claims-how-to-report");
        var content = original.GetProperty("entry").GetProperty("content");
        foreach (var language in exported.Content.Keys)
        {
            Assert.Equal(content.GetProperty(language).GetProperty("answer").GetString(), exported.Content[language].Answer);
            Assert.Equal(content.GetProperty(language).GetProperty("alternates").EnumerateArray().Select(a => a.GetString()), exported.Content[language].Alternates);
        }
        Assert.Equal(original.GetProperty("entry").GetProperty("followUps").EnumerateArray().Select(a => a.GetString()), exported.FollowUps);
    }

    [Fact]
    public async Task ExportYaml_OfTheSeededContent_ReadsBackLikeTheRepositoryFiles()
    {
        var text = await Alice.GetStringAsync("/api/kb/export?format=yaml&copy=published&category=claims");
        var (exported, issues) = FaqYamlReader.Read("claims.yaml", text);
        var (original, _) = FaqYamlReader.Read("claims.yaml", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Faq, "claims.yaml")));

        Assert.Empty(issues);
        Assert.Equal(original.Select(e => e.Id).Order(StringComparer.Ordinal), exported.Select(e => e.Id).Order(StringComparer.Ordinal));
        foreach (var entry in original)
        {
            var copy = exported.Single(e => e.Id == entry.Id);
            Assert.Equal(FaqDiff.Compute(entry, copy), []);
        }
    }

    private async Task<int> CountAsync() => (await Alice.GetFromJsonAsync<List<JsonElement>>("/api/kb/entries"))!.Count;

    private static FaqEntry Entry(string id) => new()
    {
        Id = id,
        Category = "value_added",
        Status = FaqStatuses.Draft,
        Owner = "kb-team",
        Tags = ["import"],
        Content = new Dictionary<string, FaqContent>
        {
            [FaqLanguages.Simplified] = new($"{id} 的问题？", ["一一", "二二", "三三", "四四", "五五"], "答案。"),
            [FaqLanguages.English] = new($"Question of {id}?", ["one, two", "three \"3\"", "four", "five", "six"], "Line one, with a comma.\n\n- \"quoted\" item"),
        },
    };
}
