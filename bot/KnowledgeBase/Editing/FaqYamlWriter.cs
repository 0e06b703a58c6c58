using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>Writes entries in the format of <c>knowledge-base/faq/*.yaml</c>, so an export can replace those files.</summary>
public static class FaqYamlWriter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public static string Write(IEnumerable<FaqEntry> entries, string? header = null)
    {
        var yaml = new StringBuilder();
        if (header is not null) yaml.Append("# ").Append(header).Append('\n');
        foreach (var entry in entries)
        {
            yaml.Append("- id: ").Append(entry.Id).Append('\n');
            yaml.Append("  category: ").Append(entry.Category).Append('\n');
            yaml.Append("  status: ").Append(entry.Status).Append('\n');
            yaml.Append("  owner: ").Append(Quote(entry.Owner)).Append('\n');
            yaml.Append("  version: ").Append(entry.Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
            yaml.Append("  effective_from: ").Append(Date(entry.EffectiveFrom)).Append('\n');
            yaml.Append("  effective_to: ").Append(Date(entry.EffectiveTo)).Append('\n');
            if (entry.LastChange is { } change)
                yaml.Append("  last_change: { by: ").Append(Quote(change.By)).Append(", at: ")
                    .Append(change.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(" }\n");
            yaml.Append("  tags: ").Append(List(entry.Tags)).Append('\n');
            foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English })
            {
                if (!entry.Content.TryGetValue(language, out var content)) continue;
                yaml.Append("  ").Append(language).Append(":\n");
                yaml.Append("    question: ").Append(Quote(content.Question)).Append('\n');
                yaml.Append("    alternates: ").Append(List(content.Alternates)).Append('\n');
                yaml.Append("    answer: ").Append(Block(content.Answer)).Append('\n');
            }
            yaml.Append("  follow_ups: ").Append(List(entry.FollowUps)).Append('\n');
        }
        return yaml.ToString();
    }

    // JSON string syntax is valid YAML double-quoted syntax.
    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quote)) + "]";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null";

    /// <summary>A literal block keeps Markdown readable; text a block cannot hold exactly is quoted instead.</summary>
    private static string Block(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || lines.Any(l => l.Contains('\t') || l.EndsWith(' '))) return Quote(text);
        return "|\n" + string.Join("\n", lines.Select(l => l.Length == 0 ? "" : "      " + l));
    }
}
