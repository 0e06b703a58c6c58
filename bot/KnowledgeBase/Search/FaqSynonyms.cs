using System.Text.RegularExpressions;
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

    public static FaqSynonyms Load(string path)
    {
        if (!File.Exists(path)) return None;
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list) return None;
        return new FaqSynonyms(list.Children.OfType<YamlSequenceNode>()
            .Select(g => (IReadOnlyList<string>)g.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()));
    }
}
