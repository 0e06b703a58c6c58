using System.Text.RegularExpressions;
using ChatService.Nlu;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase.Content;

/// <summary>Produces an entry's answer for a customer: their language and script, company facts filled in.</summary>
public sealed partial class FaqAnswerRenderer(IOptionsMonitor<KnowledgeBaseOptions> options)
{
    /// <summary>The answer text in <paramref name="language"/> (zh-Hans, zh-Hant or en).</summary>
    public string Answer(FaqEntry entry, string language) => FillFacts(Pick(entry, language, c => c.Answer), language);

    /// <summary>The entry's question, for buttons ("did you mean", follow-ups).</summary>
    public string Question(FaqEntry entry, string language) => FillFacts(Pick(entry, language, c => c.Question), language);

    private static string Pick(FaqEntry entry, string language, Func<FaqContent, string> field)
    {
        if (entry.Content.TryGetValue(language, out var exact)) return field(exact);
        if (language == FaqLanguages.Traditional && entry.Content.TryGetValue(FaqLanguages.Simplified, out var simplified))
            return ScriptConverter.ToTraditional(field(simplified));
        var fallback = entry.Content.GetValueOrDefault(FaqLanguages.English) ?? entry.Content.Values.First();
        return field(fallback);
    }

    private string FillFacts(string text, string language)
    {
        var facts = options.CurrentValue.Facts;
        var exact = facts.GetValueOrDefault(language);
        var simplified = facts.GetValueOrDefault(FaqLanguages.Simplified);
        return FactPattern().Replace(text, match =>
        {
            var key = match.Groups[1].Value;
            if (exact?.GetValueOrDefault(key) is { } value) return value;
            if (language == FaqLanguages.Traditional && simplified?.GetValueOrDefault(key) is { } zh) return ScriptConverter.ToTraditional(zh);
            return match.Value;
        });
    }

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9_.]*)\}")]
    private static partial Regex FactPattern();
}
