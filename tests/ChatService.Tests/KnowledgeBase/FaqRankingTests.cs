using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqRankingTests
{
    private static FaqEntry Entry(string id, string question, string[] alternates, string answer = "…") => new()
    {
        Id = id, Category = "claims", Status = FaqStatuses.Published,
        Content = new Dictionary<string, FaqContent> { [FaqLanguages.English] = new(question, alternates, answer) },
    };

    [Theory]
    [InlineData("decline", "declined", "declining")]
    [InlineData("apply", "applied", "applies")]
    [InlineData("claim", "claims", "claiming")]
    [InlineData("renew", "renewed", "renewing")]
    public void Stem_FormsOfOneWord_MeetInOneStem(string word, string second, string third)
    {
        Assert.Equal(FaqTokenizer.Stem(word), FaqTokenizer.Stem(second));
        Assert.Equal(FaqTokenizer.Stem(word), FaqTokenizer.Stem(third));
    }

    [Fact]
    public void Search_EntryRepeatingACommonWord_DoesNotOutrankTheOneWithTheRareWord()
    {
        // BM25 saturates term frequency: many phrasings saying "policy" must not beat one saying "rider".
        var repetitive = Entry("policy-query", "how do I see my policy",
            ["policy details", "my policy", "find my policy", "policy number", "policy copy", "policy online"]);
        var specific = Entry("policy-rider", "what is a rider", ["rider meaning", "explain the rider"]);
        var change = Entry("policy-change", "how do I change my policy", ["update my policy"]);
        var cancel = Entry("policy-cancel", "how do I cancel my policy", ["end my policy"]);

        var ranked = new FaqIndex([repetitive, specific, change, cancel]).Search("what does the rider on my policy do");

        Assert.Equal("policy-rider", ranked[0].Entry.Id);
    }

    [Fact]
    public void Search_AnswerWords_BreakATieBetweenPhrasings()
    {
        var a = Entry("a", "what happens next", ["next steps"], "We check the hospital invoice and pay within 5 working days.");
        var b = Entry("b", "what happens next", ["next steps"], "We call you back within 24 hours.");

        var ranked = new FaqIndex([a, b]).Search("what happens next with my hospital invoice");

        Assert.Equal("a", ranked[0].Entry.Id);
    }

    [Fact]
    public void Search_AllQueryWordsInOnePhrasing_ScoresWithinZeroToOne()
    {
        var entry = Entry("a", "how do I renew my policy", ["renewal steps"]);

        var similarity = new FaqIndex([entry, Entry("b", "where is your office", ["office address"])]).Search("how do I renew my policy")[0].Similarity;

        Assert.InRange(similarity, 0.4, 1.0);
    }

    [Fact]
    public void HeldOut_EveryAlternate_IsSearchedWithoutItself()
    {
        var entry = Entry("a", "how do I renew", ["renew online", "renewal steps", "extend my cover", "keep my cover", "renew by phone"]);
        var built = new List<int>();

        var searched = FaqHeldOut.Search([entry], entries =>
        {
            built.Add(entries[0].Content[FaqLanguages.English].Alternates.Count);
            return new FaqIndex(entries);
        });

        Assert.Equal(5, searched.Count);
        Assert.All(built, count => Assert.Equal(4, count));
        Assert.All(searched, s => Assert.Equal("a", s.Question.Expect));
    }

    [Fact]
    public void KbEval_MissingQuestionsFile_FailsWithUsageCode()
    {
        Assert.Equal(2, KbCommands.Run(["eval", "--questions", Path.Combine(Path.GetTempPath(), "no-such-questions.yaml")]));
    }
}
