using System.Text.RegularExpressions;
using ChatService.KnowledgeBase.Content;
using ChatService.Nlu;
using YamlDotNet.RepresentationModel;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Maps the words customers use for one thing (索償, 理賠, 申索 …) to one canonical word, in the index and in the
/// question alike. Read from <c>knowledge-base/synonyms.yaml</c>, which editors maintain.
/// </summary>
public sealed class FaqSynonyms
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    private readonly Regex? _pattern;

    public static FaqSynonyms None { get; } = new([]);

    public FaqSynonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            var words = group.Select(TextNormalizer.Normalize).Where(w => w.Length > 0).ToList();
            foreach (var word in words.Skip(1)) _canonical.TryAdd(word, words[0]);
        }
        if (_canonical.Count == 0) return;
        // Longest first, so 证明文件 wins over 文件; English words only as whole words.
        var alternatives = _canonical.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => char.IsAsciiLetter(k[0]) ? $@"\b{Regex.Escape(k)}\b" : Regex.Escape(k));
        _pattern = new Regex(string.Join("|", alternatives), RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public int Count => _canonical.Count;

    /// <summary>Rewrites already-normalized text with canonical words.</summary>
    public string Apply(string normalized) =>
        _pattern is null ? normalized : _pattern.Replace(normalized, m => _canonical[m.Value]);

    public static FaqSynonyms Load(string path) => new(Groups(path).Select(g => (IReadOnlyList<string>)g.Words.Select(w => w.Text).ToList()));

    /// <summary>
    /// What <c>kb validate</c> reports about the file (file:line: reason): a group of fewer than two words, and a word
    /// in two groups (after normalization, so 索償 and 索偿 are one word), which search would silently resolve to the
    /// first group.
    /// </summary>
    public static List<FaqIssue> Check(string path)
    {
        var issues = new List<FaqIssue>();
        var file = Path.GetFileName(path);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, words) in Groups(path))
        {
            var normalized = words.Select(w => (w.Line, Word: TextNormalizer.Normalize(w.Text))).Where(w => w.Word.Length > 0).ToList();
            if (normalized.Select(w => w.Word).Distinct(StringComparer.Ordinal).Count() < 2)
                issues.Add(new FaqIssue(file, line, "a synonym group needs at least two different words"));
            foreach (var (wordLine, word) in normalized.DistinctBy(w => w.Word))
                if (!seen.TryAdd(word, line))
                    issues.Add(new FaqIssue(file, wordLine, $"'{word}' is already in the group on line {seen[word]}: a word can stand for one thing only"));
        }
        return issues;
    }

    private static IEnumerable<(int Line, List<(int Line, string Text)> Words)> Groups(string path)
    {
        if (!File.Exists(path)) yield break;
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list) yield break;
        foreach (var group in list.Children.OfType<YamlSequenceNode>())
            yield return ((int)group.Start.Line, group.Children.OfType<YamlScalarNode>().Select(s => ((int)s.Start.Line, s.Value ?? "")).ToList());
    }
}
