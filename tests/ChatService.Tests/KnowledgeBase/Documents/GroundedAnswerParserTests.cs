using ChatService.KnowledgeBase.Answering;
using ChatService.KnowledgeBase.Documents;

namespace ChatService.Tests.KnowledgeBase.Documents;

public sealed class GroundedAnswerParserTests
{
    private static readonly Passage[] Given =
    [
        new("a#1", "a", "甲手冊", null, ["一、總則"], "甲"),
        new("b#2", "b", "乙手冊", null, ["二、理賠"], "乙"),
    ];

    [Fact]
    public void Parse_AnswerCitingGivenPassages_MapsEachCitationToItsPassage()
    {
        var answer = GroundedAnswerParser.Parse("简单赔案五个工作日内结案[2]，需先报案[1][2]。", Given);

        Assert.Equal(GroundedOutcomeKind.Answered, answer.Kind);
        Assert.Equal([(2, "b#2"), (1, "a#1")], answer.Cited!.Select(c => (c.Number, c.Passage.Id)));
    }

    [Theory]
    [InlineData("NO_ANSWER")]
    [InlineData("  NO_ANSWER\n")]
    public void Parse_RefusalToken_IsARefusal(string reply)
    {
        Assert.Equal(GroundedOutcomeKind.Refused, GroundedAnswerParser.Parse(reply, Given).Kind);
    }

    [Theory]
    [InlineData("简单赔案五个工作日内结案。")]          // no citation: not verifiable
    [InlineData("简单赔案五个工作日内结案[3]。")]       // cites a passage it was not given
    [InlineData("")]
    public void Parse_UnverifiableAnswer_IsNotTrusted(string reply)
    {
        Assert.Equal(GroundedOutcomeKind.Failed, GroundedAnswerParser.Parse(reply, Given).Kind);
    }

    [Fact]
    public void Parse_MarkupInTheAnswer_IsNeutralized()
    {
        var answer = GroundedAnswerParser.Parse("<script>alert(1)</script>见手册[1]", Given);

        Assert.DoesNotContain("<", answer.Text);
    }
}
