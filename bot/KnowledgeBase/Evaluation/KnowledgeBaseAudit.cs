using System.Text.RegularExpressions;
using ChatService.KnowledgeBase.Content;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>
/// The authoring rules of the repository's content beyond what publishing requires (<see cref="FaqValidator"/>):
/// id and change metadata, no repeated phrasings, only known fact placeholders, and an evaluation set that stays
/// apart from the alternates (compared after the search's own normalization, so a Traditional copy is still a copy).
/// Run by <c>kb validate</c> and by the content tests.
/// </summary>
public static partial class KnowledgeBaseAudit
{
    public const int MinEntries = 150;
    public const int MinMustNotAnswer = 100;
    public const int MinParaphrasesPerLanguage = 2;
    private static readonly string[] Languages = [FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English];

    public static List<string> Check(IReadOnlyList<FaqEntry> entries, IReadOnlyCollection<string> knownFacts,
        IReadOnlyList<FaqEvalQuestion> questions, IReadOnlyList<FaqEvalQuestion> mustNotAnswer, IReadOnlyList<FaqEvalQuestion>? holdout = null)
    {
        var problems = new List<string>();
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal); // normalized phrasing → entry id
        foreach (var entry in entries)
        {
            CheckEntry(entry, knownFacts, problems);
            if (entry.Status == FaqStatuses.Retired) continue; // its phrasings now belong to whichever entry took them over
            foreach (var (language, content) in entry.Content)
                foreach (var phrase in content.Alternates.Prepend(content.Question).Select(Key).Where(k => k.Length > 0).Distinct())
                    if (phrases.TryGetValue(phrase, out var owner) && owner != entry.Id)
                        problems.Add($"{entry.Id}: {language} phrasing '{phrase}' also belongs to {owner}");
                    else phrases[phrase] = entry.Id;
        }
        CheckEvaluation(entries, phrases, questions, mustNotAnswer, problems);
        if (holdout is not null) CheckHoldout(entries, phrases, questions.Concat(mustNotAnswer), holdout, problems);
        if (entries.Count < MinEntries) problems.Add($"only {entries.Count} entries (at least {MinEntries})");
        return problems;
    }

    private static void CheckEntry(FaqEntry entry, IReadOnlyCollection<string> knownFacts, List<string> problems)
    {
        if (!IdPattern().IsMatch(entry.Id) || !entry.Id.StartsWith(entry.Category.Replace('_', '-') + "-", StringComparison.Ordinal))
            problems.Add($"{entry.Id}: ids are kebab-case and start with the category ({entry.Category.Replace('_', '-')}-…)");
        if (entry.LastChange is null || string.IsNullOrWhiteSpace(entry.LastChange.By)) problems.Add($"{entry.Id}: last_change needs by and at");
        if (entry.FollowUps.Contains(entry.Id)) problems.Add($"{entry.Id}: follows up itself");
        foreach (var (language, content) in entry.Content)
        {
            if (string.IsNullOrWhiteSpace(content.Question) || string.IsNullOrWhiteSpace(content.Answer))
                problems.Add($"{entry.Id}: {language} needs a question and an answer");
            var keys = content.Alternates.Select(Key).ToList();
            if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count) problems.Add($"{entry.Id}: {language} repeats an alternate");
            foreach (Match placeholder in PlaceholderPattern().Matches(content.Answer + content.Question))
                if (!knownFacts.Contains(placeholder.Groups[1].Value))
                    problems.Add($"{entry.Id}: {language} uses {{{placeholder.Groups[1].Value}}}, which is not in KnowledgeBase:Facts");
        }
    }

    private static void CheckEvaluation(IReadOnlyList<FaqEntry> entries, Dictionary<string, string> phrases,
        IReadOnlyList<FaqEvalQuestion> questions, IReadOnlyList<FaqEvalQuestion> mustNotAnswer, List<string> problems)
    {
        // Retired entries answer nothing: no evaluation line may expect one, and none needs paraphrases.
        var ids = entries.Where(e => e.Status != FaqStatuses.Retired).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions.Concat(mustNotAnswer))
        {
            var key = Key(question.Text);
            if (phrases.TryGetValue(key, out var owner)) problems.Add($"eval: '{question.Text}' copies a phrasing of {owner}");
            if (!seen.Add(key)) problems.Add($"eval: '{question.Text}' appears twice");
            if (!Languages.Contains(question.Language)) problems.Add($"eval: '{question.Text}' has unknown lang '{question.Language}'");
        }
        foreach (var question in questions.Where(q => q.Expect is null || !ids.Contains(q.Expect)))
            problems.Add($"eval: '{question.Text}' expects '{question.Expect}', which is not a live entry");
        foreach (var question in mustNotAnswer.Where(q => q.Expect is not null))
            problems.Add($"must-not-answer: '{question.Text}' must not expect an entry");
        var counts = questions.Where(q => q.Expect is not null).CountBy(q => (q.Expect!, q.Language)).ToDictionary();
        foreach (var id in ids)
            foreach (var language in Languages)
                if (counts.GetValueOrDefault((id, language)) < MinParaphrasesPerLanguage)
                    problems.Add($"eval: {id} has {counts.GetValueOrDefault((id, language))} {language} paraphrases (at least {MinParaphrasesPerLanguage})");
        if (mustNotAnswer.Count < MinMustNotAnswer) problems.Add($"must-not-answer has {mustNotAnswer.Count} questions (at least {MinMustNotAnswer})");
    }

    /// <summary>
    /// The later paraphrases kept for an honest second check: apart from the alternates and from the evaluation set
    /// (content written after reading them must not copy them), and expecting live entries.
    /// </summary>
    private static void CheckHoldout(IReadOnlyList<FaqEntry> entries, Dictionary<string, string> phrases,
        IEnumerable<FaqEvalQuestion> evaluation, IReadOnlyList<FaqEvalQuestion> holdout, List<string> problems)
    {
        var ids = entries.Where(e => e.Status != FaqStatuses.Retired).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var evalLines = evaluation.Select(q => Key(q.Text)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in holdout)
        {
            var key = Key(question.Text);
            if (phrases.TryGetValue(key, out var owner)) problems.Add($"holdout: '{question.Text}' copies a phrasing of {owner}");
            if (evalLines.Contains(key)) problems.Add($"holdout: '{question.Text}' is also an evaluation line");
            if (!seen.Add(key)) problems.Add($"holdout: '{question.Text}' appears twice");
            if (question.Expect is null || !ids.Contains(question.Expect))
                problems.Add($"holdout: '{question.Text}' expects '{question.Expect}', which is not a live entry");
        }
    }

    /// <summary>What makes two phrasings "the same": the search's normalization without spaces.</summary>
    private static string Key(string text) => TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9_.]*)\}")]
    private static partial Regex PlaceholderPattern();
}
