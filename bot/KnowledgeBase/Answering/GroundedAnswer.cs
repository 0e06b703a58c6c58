using System.Text.RegularExpressions;
using ChatService.KnowledgeBase.Documents;

namespace ChatService.KnowledgeBase.Answering;

/// <summary>What came of asking the model: an answer, a refusal, or nothing usable (timeout, error, bad citations).</summary>
public enum GroundedOutcomeKind
{
    Answered,
    Refused,
    Failed,
}

/// <summary>An answer with the passages it cites, in citation order ([1] is <c>Cited[0]</c> only if the model cited [1] first).</summary>
public sealed record GroundedAnswer(GroundedOutcomeKind Kind, string Text = "", IReadOnlyList<(int Number, Passage Passage)>? Cited = null)
{
    public static GroundedAnswer Refused { get; } = new(GroundedOutcomeKind.Refused);
    public static GroundedAnswer Failed { get; } = new(GroundedOutcomeKind.Failed);
}

/// <summary>
/// Checks a model reply mechanically: the refusal token means "not supported"; an answer must cite at least one
/// passage and only passages it was given ([1]..[n]), else it is not trusted. Angle brackets are neutralized so no
/// markup from the model reaches a chat client.
/// </summary>
public static partial class GroundedAnswerParser
{
    public static GroundedAnswer Parse(string? reply, IReadOnlyList<Passage> given)
    {
        var text = (reply ?? "").Trim();
        if (text.Length == 0) return GroundedAnswer.Failed;
        if (text.Contains(GroundedPrompt.RefusalToken, StringComparison.Ordinal)) return GroundedAnswer.Refused;
        var numbers = Citation().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        if (numbers.Count == 0 || numbers.Any(n => n < 1 || n > given.Count)) return GroundedAnswer.Failed;
        var safe = text.Replace('<', '‹').Replace('>', '›');
        return new GroundedAnswer(GroundedOutcomeKind.Answered, safe, numbers.Select(n => (n, given[n - 1])).ToList());
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Citation();
}
