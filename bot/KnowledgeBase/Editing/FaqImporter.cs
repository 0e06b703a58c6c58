using System.Text.RegularExpressions;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Store;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>What an import did, or why it did nothing: every problem with file, line and reason.</summary>
public sealed record FaqImportReport(bool Imported, int Created, int Updated, IReadOnlyList<FaqIssue> Issues);

/// <summary>
/// Imports YAML or CSV files. All or nothing: any problem in any entry rejects the whole file. Imported entries land as
/// drafts (new versions of existing entries, or new entries), so they go through review and approval like any edit.
/// </summary>
public sealed partial class FaqImporter(IFaqStore store, TimeProvider clock)
{
    public async Task<FaqImportReport> ImportAsync(string format, string fileName, string text, string by, CancellationToken cancellationToken)
    {
        var (parsed, issues) = Parse(format, fileName, text);
        var existing = (await store.ListAsync(cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        issues.AddRange(Validate(fileName, parsed, existing));
        if (issues.Count > 0) return new FaqImportReport(false, 0, 0, issues.OrderBy(i => i.Line).ToList());
        var change = new FaqChange(by, clock.GetUtcNow());
        var writes = parsed.Select(p =>
        {
            var current = existing.GetValueOrDefault(p.Entry.Id);
            var entry = p.Entry with { Status = FaqStatuses.Draft, Version = (current?.Version ?? 0) + 1, LastChange = change };
            return new FaqEntryWrite(new StoredEntry(entry, current?.Published, by), current?.Version ?? 0, "import", by, FaqDiff.Compute(current?.Working, entry));
        }).ToList();
        try
        {
            await store.WriteAsync(writes, publish: false, cancellationToken);
        }
        catch (FaqVersionConflictException ex)
        {
            return new FaqImportReport(false, 0, 0, [new FaqIssue(fileName, 0, $"{ex.EntryId}: changed by someone else during the import; nothing was imported, try again")]);
        }
        var created = writes.Count(w => w.ExpectedVersion == 0);
        return new FaqImportReport(true, created, writes.Count - created, []);
    }

    /// <summary>The first-run import of the content files: entries keep their status, published ones go live.</summary>
    public static List<FaqEntryWrite> SeedWrites(IEnumerable<FaqEntry> entries) => entries.Select(entry =>
    {
        var author = entry.LastChange?.By ?? "import";
        var published = entry.Status == FaqStatuses.Published ? entry : null;
        return new FaqEntryWrite(new StoredEntry(entry, published, author), 0, "seed", author, FaqDiff.Compute(null, entry));
    }).ToList();

    private static (List<(FaqEntry Entry, int Line)> Entries, List<FaqIssue> Issues) Parse(string format, string fileName, string text)
    {
        if (format == "csv") return FaqCsv.Read(fileName, text);
        var (entries, issues) = FaqYamlReader.Read(fileName, text);
        var lines = IdLines(text);
        return (entries.Select(e => (e, lines.GetValueOrDefault(e.Id))).ToList(), issues);
    }

    private static IEnumerable<FaqIssue> Validate(string fileName, List<(FaqEntry Entry, int Line)> parsed, Dictionary<string, StoredEntry> existing)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (entry, line) in parsed)
        {
            if (!FaqEditIds.IsValid(entry.Id)) yield return new FaqIssue(fileName, line, $"{entry.Id}: id must be lower-case letters, digits and '-'");
            if (!lines.TryAdd(entry.Id, line)) yield return new FaqIssue(fileName, line, $"{entry.Id}: duplicate id (also on line {lines[entry.Id]})");
        }
        // The imported entries checked together with the rest of the knowledge base (follow-ups may point to either).
        var imported = parsed.Select(p => p.Entry).ToList();
        var combined = imported.Concat(existing.Values.Where(e => !lines.ContainsKey(e.Id)).Select(e => e.Working)).ToList();
        foreach (var issue in FaqValidator.Validate(combined))
        {
            var id = issue.Reason.Split(':', 2)[0];
            if (lines.TryGetValue(id, out var line) && !issue.Reason.EndsWith("duplicate id", StringComparison.Ordinal))
                yield return new FaqIssue(fileName, line, issue.Reason);
        }
    }

    private static Dictionary<string, int> IdLines(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (IdLine().Match(line) is { Success: true } match) lines.TryAdd(match.Groups[1].Value, number);
        }
        return lines;
    }

    [GeneratedRegex("""^\s*-\s+id:\s*["']?([^"'\s#]+)""")]
    private static partial Regex IdLine();
}
