using System.Text.RegularExpressions;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// Reads a manual in <c>knowledge-base/documents/</c>. The manuals were converted from plain text, so a heading line
/// runs straight on into its body ("### 二、服務咨詢與解答2.2服務咨詢與解答在2025年…"): the heading ends where the
/// body's first numbered item or bracket starts. A chapter heading ("## 第2章 服務實施過程一、服務接待與溝通…") also
/// names its first section. Lines before the first Han text are metadata (the English title in *italics*).
/// A section without a single full stop is a table of contents and is left out.
/// </summary>
public static partial class ManualReader
{
    public static Manual Read(string path)
    {
        var source = System.IO.Path.GetFileNameWithoutExtension(path);
        var lines = File.ReadAllLines(path);
        string? title = null, englishTitle = null;
        string[] chapter = [];
        var current = new List<string>();
        var body = new System.Text.StringBuilder();
        var sections = new List<ManualSection>();
        void Flush()
        {
            var text = body.ToString().Trim();
            if (text.Contains('。')) sections.Add(new ManualSection([.. current], text));
            body.Clear();
        }
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (title is null && line.StartsWith("# ", StringComparison.Ordinal)) { title = line[2..].Trim(); continue; }
            if (!line.Any(ScriptConverter.IsHan))
            {
                if (englishTitle is null && EnglishTitle().Match(line) is { Success: true } m) englishTitle = m.Groups[1].Value;
                continue;
            }
            var level = line.TakeWhile(c => c == '#').Count();
            if (level >= 2)
            {
                Flush();
                var (heading, rest) = SplitHeading(line[level..].Trim());
                if (level == 2)
                {
                    var (name, first) = SplitChapter(heading);
                    chapter = [name];
                    current = first.Length > 0 ? [name, first] : [name];
                }
                else current = [.. chapter, heading];
                body.Append(rest).Append('\n');
                continue;
            }
            if (body.Length == 0 && current.Count == 0 && title is not null && line.StartsWith(title, StringComparison.Ordinal))
                line = line[title.Length..];
            if (body.Length == 0 && current.Count == 0 && LeadingSection().Match(line) is { Success: true } lead) current = [lead.Groups[1].Value];
            body.Append(line).Append('\n');
        }
        Flush();
        return new Manual(source, title ?? source, englishTitle, sections);
    }

    /// <summary>"二、服務咨詢與解答2.2服務…" → ("二、服務咨詢與解答", "2.2服務…").</summary>
    internal static (string Heading, string Body) SplitHeading(string line)
    {
        var cut = BodyStart().Match(line);
        return cut.Success ? (line[..cut.Index].Trim(), line[cut.Index..]) : (line, "");
    }

    /// <summary>"第2章 服務實施過程一、服務接待與溝通" → ("第2章 服務實施過程", "一、服務接待與溝通").</summary>
    internal static (string Chapter, string FirstSection) SplitChapter(string heading)
    {
        var at = heading.IndexOf("一、", StringComparison.Ordinal);
        if (at <= 0) return (heading, "");
        var first = heading[at..];
        return (heading[..at].Trim(), first.Length > 2 ? first : "");
    }

    [GeneratedRegex(@"\d+\.\d*|[(（]")]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"^\*([^*]+)\*")]
    private static partial Regex EnglishTitle();

    [GeneratedRegex(@"^([一二三四五六七八九十]+、[^(（\d]+)")]
    private static partial Regex LeadingSection();
}
