using System.Text.Json.Nodes;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;

namespace ChatService.Tests.KnowledgeBase;

public sealed class KnowledgeBaseAuditTests
{
    private static readonly string[] Facts = ["company.hotline"];

    private static FaqEntry Entry(string id, string zhAlternate, string answer = "请致电 {company.hotline}") => new()
    {
        Id = id, Category = "claims", Status = FaqStatuses.Published, LastChange = new("kb-team", DateTimeOffset.UnixEpoch),
        Content = new Dictionary<string, FaqContent>
        {
            [FaqLanguages.Simplified] = new("问题" + id, [zhAlternate, .. Numbered("其他说法 " + id)], answer),
            [FaqLanguages.English] = new("question " + id, Numbered("other wording " + id), "answer"),
        },
    };

    private static string[] Numbered(string prefix) => [.. Enumerable.Range(1, 5).Select(n => $"{prefix} {n}")];

    private static List<FaqEvalQuestion> Paraphrases(string id) =>
        [.. new[] { "zh-Hans", "zh-Hant", "en" }.SelectMany(lang => new[] { 1, 2 }.Select(n => new FaqEvalQuestion($"{id} {lang} {n}", lang, id)))];

    private static List<string> Audit(IReadOnlyList<FaqEntry> entries, List<FaqEvalQuestion> questions) =>
        KnowledgeBaseAudit.Check(entries, Facts, questions, []).Where(p => !p.Contains("at least")).ToList();

    [Fact]
    public void Check_EvalLineCopiesAnAlternateInTraditional_IsCaught()
    {
        var entries = new[] { Entry("claims-a", "理赔要多久") };
        var questions = Paraphrases("claims-a").Append(new("理賠要多久？", "zh-Hant", "claims-a")).ToList();

        Assert.Contains(Audit(entries, questions), p => p.Contains("copies a phrasing of claims-a"));
    }

    [Fact]
    public void Check_SamePhrasingInTwoEntries_UnknownPlaceholderAndBadId_AreCaught()
    {
        var entries = new[] { Entry("claims-a", "怎么报案"), Entry("claims-b", "怎麼報案", answer: "见 {company.fax}"), Entry("Claims_C", "别的") };
        var questions = Paraphrases("claims-a").Concat(Paraphrases("claims-b")).Concat(Paraphrases("Claims_C")).ToList();

        var problems = Audit(entries, questions);

        Assert.Contains(problems, p => p.StartsWith("claims-b: zh-Hans phrasing", StringComparison.Ordinal) && p.EndsWith("also belongs to claims-a", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{company.fax}"));
        Assert.Contains(problems, p => p.StartsWith("Claims_C: ids are kebab-case", StringComparison.Ordinal));
        Assert.True(problems.Count == 3, string.Join("\n", problems));
    }

    [Fact]
    public void Check_HoldoutLineCopyingAnAlternateOrAnEvalLineOrExpectingNothing_IsCaught()
    {
        var entries = new[] { Entry("claims-a", "理赔要多久") };
        var questions = Paraphrases("claims-a");
        List<FaqEvalQuestion> holdout =
        [
            new("理賠要多久", "zh-Hant", "claims-a"), new(questions[0].Text, "zh-Hans", "claims-a"), new("新的说法", "zh-Hans", "claims-gone"),
            new("另一个新的说法", "zh-Hans", "claims-a"),
        ];

        var problems = KnowledgeBaseAudit.Check(entries, Facts, questions, [], holdout).Where(p => p.StartsWith("holdout", StringComparison.Ordinal)).ToList();

        Assert.Contains("holdout: '理賠要多久' copies a phrasing of claims-a", problems);
        Assert.Contains($"holdout: '{questions[0].Text}' is also an evaluation line", problems);
        Assert.Contains("holdout: '新的说法' expects 'claims-gone', which is not a live entry", problems);
        Assert.True(problems.Count == 3, string.Join("\n", problems));
    }

    [Fact]
    public void Check_EntryWithTooFewParaphrases_IsReported()
    {
        var problems = KnowledgeBaseAudit.Check([Entry("claims-a", "理赔要多久")], Facts, Paraphrases("claims-a").Skip(1).ToList(), []);

        Assert.Contains("eval: claims-a has 1 zh-Hans paraphrases (at least 2)", problems);
    }

    [Fact]
    public void Check_AfterAMerge_TheRetiredEntryKeepsItsPhrasingsButNoEvaluationLineMayExpectIt()
    {
        var retired = Entry("claims-old", "怎么报案") with { Status = FaqStatuses.Retired };
        var survivor = Entry("claims-new", "怎么报案");
        var questions = Paraphrases("claims-new").Append(new("报案找谁", "zh-Hans", "claims-old")).ToList();

        var problems = Audit([survivor, retired], questions);

        Assert.Equal(["eval: '报案找谁' expects 'claims-old', which is not a live entry"], problems);
    }

    [Fact]
    public void RepositoryContent_PassesTheAuthoringAudit()
    {
        var (entries, _) = FaqYamlReader.ReadDirectory(RepoPaths.Faq);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")))!;
        var facts = settings["KnowledgeBase"]!["Facts"]!.AsObject().SelectMany(language => language.Value!.AsObject().Select(f => f.Key)).ToHashSet();

        var problems = KnowledgeBaseAudit.Check(entries, facts,
            FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "questions.yaml")), FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "must-not-answer.yaml")));

        Assert.Empty(problems);
    }
}
