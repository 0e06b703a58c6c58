using System.Globalization;
using System.Text;
using ChatService.KnowledgeBase.Content;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>
/// The CSV form of entries: one row per entry, a header row naming the columns; list cells (tags, follow-ups,
/// alternates) separate items with " | ". The zh-Hant columns may be empty (no override).
/// </summary>
public static class FaqCsv
{
    public static readonly string[] Columns =
    [
        "id", "category", "status", "owner", "tags", "follow_ups", "effective_from", "effective_to",
        "zh-Hans.question", "zh-Hans.alternates", "zh-Hans.answer",
        "zh-Hant.question", "zh-Hant.alternates", "zh-Hant.answer",
        "en.question", "en.alternates", "en.answer",
    ];

    private const string ListSeparator = " | ";

    public static (List<(FaqEntry Entry, int Line)> Entries, List<FaqIssue> Issues) Read(string fileName, string text)
    {
        var entries = new List<(FaqEntry, int)>();
        var issues = new List<FaqIssue>();
        List<(int Line, List<string> Fields)> records;
        try { records = CsvRecords.Read(text); }
        catch (FormatException ex) { issues.Add(new FaqIssue(fileName, 1, ex.Message)); return (entries, issues); }
        if (records.Count == 0) { issues.Add(new FaqIssue(fileName, 1, "the file is empty")); return (entries, issues); }
        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) { issues.Add(new FaqIssue(fileName, records[0].Line, $"missing column(s): {string.Join(", ", missing)}")); return (entries, issues); }
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count) { issues.Add(new FaqIssue(fileName, line, $"{fields.Count} cells; the header has {header.Count}")); continue; }
            var row = header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim());
            try { entries.Add((ReadRow(row), line)); }
            catch (FormatException ex) { issues.Add(new FaqIssue(fileName, line, ex.Message)); }
        }
        return (entries, issues);
    }

    public static string Write(IEnumerable<FaqEntry> entries)
    {
        var csv = new StringBuilder(string.Join(",", Columns)).Append('\n');
        foreach (var entry in entries)
        {
            var cells = new List<string>
            {
                entry.Id, entry.Category, entry.Status, entry.Owner, string.Join(ListSeparator, entry.Tags), string.Join(ListSeparator, entry.FollowUps),
                entry.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", entry.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            };
            foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English })
            {
                var content = entry.Content.GetValueOrDefault(language);
                cells.AddRange([content?.Question ?? "", string.Join(ListSeparator, content?.Alternates ?? []), content?.Answer ?? ""]);
            }
            csv.AppendJoin(',', cells.Select(CsvRecords.Field)).Append('\n');
        }
        return csv.ToString();
    }

    private static FaqEntry ReadRow(Dictionary<string, string> row)
    {
        var content = new Dictionary<string, FaqContent>();
        foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English })
        {
            var (question, answer) = (row[$"{language}.question"], row[$"{language}.answer"]);
            if (question.Length == 0 && answer.Length == 0) continue;
            if (question.Length == 0 || answer.Length == 0) throw new FormatException($"{language} needs both question and answer");
            content[language] = new FaqContent(question, List(row[$"{language}.alternates"]), answer);
        }
        return new FaqEntry
        {
            Id = row["id"].Length > 0 ? row["id"] : throw new FormatException("missing 'id'"),
            Category = row["category"],
            Status = row["status"].Length > 0 ? row["status"] : FaqStatuses.Draft,
            Owner = row["owner"],
            Tags = List(row["tags"]),
            FollowUps = List(row["follow_ups"]),
            EffectiveFrom = Date(row, "effective_from"),
            EffectiveTo = Date(row, "effective_to"),
            Content = content,
        };
    }

    private static List<string> List(string cell) =>
        cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static DateOnly? Date(Dictionary<string, string> row, string column) =>
        row[column].Length == 0 ? null
        : DateOnly.TryParseExact(row[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"'{column}' is not a date (yyyy-MM-dd): {row[column]}");
}
