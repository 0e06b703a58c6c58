using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ChatService.KnowledgeBase.Content;

/// <summary>A problem found while reading FAQ files: where, and why.</summary>
public sealed record FaqIssue(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>
/// Reads FAQ entries from the YAML files of <c>knowledge-base/faq/</c> (the initial content and the export format).
/// Every problem is reported with file and line; the caller decides whether any problem rejects the whole import.
/// </summary>
public static class FaqYamlReader
{
    public static (List<FaqEntry> Entries, List<FaqIssue> Issues) ReadDirectory(string directory)
    {
        var entries = new List<FaqEntry>();
        var issues = new List<FaqIssue>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var (fileEntries, fileIssues) = Read(Path.GetFileName(path), File.ReadAllText(path));
            entries.AddRange(fileEntries);
            issues.AddRange(fileIssues);
        }
        issues.AddRange(FaqValidator.Validate(entries));
        return (entries, issues);
    }

    public static (List<FaqEntry> Entries, List<FaqIssue> Issues) Read(string fileName, string yaml)
    {
        var entries = new List<FaqEntry>();
        var issues = new List<FaqIssue>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            issues.Add(new FaqIssue(fileName, (int)ex.Start.Line, ex.Message));
            return (entries, issues);
        }
        if (stream.Documents.Count == 0) return (entries, issues);
        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            issues.Add(new FaqIssue(fileName, 1, "the file must be a list of entries"));
            return (entries, issues);
        }
        foreach (var node in list.Children)
        {
            var line = (int)node.Start.Line;
            try
            {
                entries.Add(ReadEntry(node as YamlMappingNode ?? throw new FormatException("an entry must be a mapping")));
            }
            catch (FormatException ex)
            {
                issues.Add(new FaqIssue(fileName, line, ex.Message));
            }
        }
        return (entries, issues);
    }

    private static FaqEntry ReadEntry(YamlMappingNode map)
    {
        var content = new Dictionary<string, FaqContent>();
        foreach (var language in new[] { FaqLanguages.Simplified, FaqLanguages.Traditional, FaqLanguages.English })
            if (Child(map, language) is YamlMappingNode node) content[language] = ReadContent(node, language);
        return new FaqEntry
        {
            Id = Required(map, "id"),
            Category = Required(map, "category"),
            Status = Scalar(map, "status") ?? FaqStatuses.Draft,
            Owner = Scalar(map, "owner") ?? "",
            Version = int.TryParse(Scalar(map, "version"), CultureInfo.InvariantCulture, out var v) ? v : 1,
            EffectiveFrom = Date(map, "effective_from"),
            EffectiveTo = Date(map, "effective_to"),
            LastChange = Child(map, "last_change") is YamlMappingNode change && Scalar(change, "by") is { } by
                ? new FaqChange(by, DateTimeOffset.TryParse(Scalar(change, "at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue)
                : null,
            Tags = List(map, "tags"),
            FollowUps = List(map, "follow_ups"),
            Content = content,
        };
    }

    private static FaqContent ReadContent(YamlMappingNode node, string language) => new(
        Required(node, "question", language),
        List(node, "alternates"),
        Required(node, "answer", language).Trim());

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode { Value: { } value } && value is not ("null" or "~" or "") ? value : null;

    private static string Required(YamlMappingNode map, string key, string? language = null) =>
        Scalar(map, key) ?? throw new FormatException($"missing '{(language is null ? key : $"{language}.{key}")}'");

    private static DateOnly? Date(YamlMappingNode map, string key) =>
        Scalar(map, key) is { } text
            ? DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date : throw new FormatException($"'{key}' is not a date: {text}")
            : null;

    private static List<string> List(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList(),
        null => [],
        _ => throw new FormatException($"'{key}' must be a list"),
    };
}
