using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqContentTests
{
    private static readonly (List<FaqEntry> Entries, List<FaqIssue> Issues) Content = FaqYamlReader.ReadDirectory(RepoPaths.Faq);

    [Fact]
    public void RepositoryContent_ParsesAndValidates_WithoutProblems()
    {
        Assert.Empty(Content.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void RepositoryContent_CoversEveryCategory_WithAtLeast150Entries()
    {
        Assert.True(Content.Entries.Count >= 150, $"{Content.Entries.Count} entries");
        Assert.All(FaqCategories.All, category => Assert.Contains(Content.Entries, e => e.Category == category));
    }

    [Fact]
    public void RepositoryContent_EveryEntryHasChineseAndEnglishWithFiveAlternates()
    {
        Assert.All(Content.Entries, entry =>
        {
            foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.English })
                Assert.True(entry.Content.TryGetValue(language, out var c) && c.Alternates.Count >= 5, $"{entry.Id} {language}");
        });
    }

    [Fact]
    public void EvaluationSet_ExpectsOnlyExistingEntries_AndNeverRepeatsAnAlternate()
    {
        var ids = Content.Entries.Select(e => e.Id).ToHashSet();
        var phrasings = Content.Entries.SelectMany(e => e.Content.Values.SelectMany(c => c.Alternates.Prepend(c.Question)))
            .Select(Squash).ToHashSet();
        var questions = FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "questions.yaml"));
        var mustNot = FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "must-not-answer.yaml"));

        Assert.NotEmpty(questions);
        Assert.True(mustNot.Count >= 100, $"{mustNot.Count} must-not-answer questions");
        Assert.All(questions, q => Assert.Contains(q.Expect!, ids));
        Assert.All(mustNot, q => Assert.Null(q.Expect));
        Assert.All(questions.Concat(mustNot), q => Assert.DoesNotContain(Squash(q.Text), phrasings));
    }

    [Fact]
    public void HoldoutSet_CoversEveryEntryInEachLanguage_AndNeverRepeatsAPhrasingOrAnEvalLine()
    {
        var live = Content.Entries.Where(e => e.Status == FaqStatuses.Published).Select(e => e.Id).ToHashSet();
        var phrasings = Content.Entries.SelectMany(e => e.Content.Values.SelectMany(c => c.Alternates.Prepend(c.Question)))
            .Select(Squash).ToHashSet();
        var evalLines = FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "questions.yaml")).Select(q => Squash(q.Text)).ToHashSet();
        var holdout = FaqEvalSet.Read(Path.Combine(RepoPaths.Eval, "holdout.yaml"));

        foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English })
            Assert.Equal(live, holdout.Where(q => q.Language == language).Select(q => q.Expect!).ToHashSet());
        Assert.All(holdout, q => Assert.DoesNotContain(Squash(q.Text), phrasings));
        Assert.All(holdout, q => Assert.DoesNotContain(Squash(q.Text), evalLines));
    }

    [Fact]
    public void Read_BrokenEntry_ReportsFileLineAndReason()
    {
        const string yaml = "- id: a\n  category: claims\n- id: b\n  category: claims\n  zh-Hans:\n    question: q\n";

        var (entries, issues) = FaqYamlReader.Read("broken.yaml", yaml);

        Assert.Equal("a", Assert.Single(entries).Id);
        Assert.Contains(issues, i => i.File == "broken.yaml" && i.Line == 3 && i.Reason.Contains("answer"));
    }

    [Fact]
    public void Validate_FollowUpToRetiredEntry_IsRefused()
    {
        var content = new Dictionary<string, FaqContent>
        {
            [FaqLanguages.Simplified] = new("问", ["1", "2", "3", "4", "5"], "答"),
            [FaqLanguages.English] = new("q", ["1", "2", "3", "4", "5"], "a"),
        };
        var live = new FaqEntry { Id = "a", Category = "claims", Status = FaqStatuses.Published, Content = content, FollowUps = ["b"] };
        var retired = new FaqEntry { Id = "b", Category = "claims", Status = FaqStatuses.Retired, Content = content };

        var issues = FaqValidator.Validate([live, retired]).ToList();

        Assert.Contains(issues, i => i.Reason.Contains("'b' is retired"));
    }

    private static string Squash(string text) => new(text.ToLowerInvariant().Where(ch => !char.IsWhiteSpace(ch) && !char.IsPunctuation(ch)).ToArray());
}
