using YamlDotNet.RepresentationModel;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>One evaluation question: the text, its language, and the entry that should answer it (null: none should).</summary>
public sealed record FaqEvalQuestion(string Text, string Language, string? Expect);

/// <summary>Reads <c>knowledge-base/eval/*.yaml</c>: lists of <c>{ text, lang, expect }</c>.</summary>
public static class FaqEvalSet
{
    public static List<FaqEvalQuestion> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list) return [];
        return list.Children.OfType<YamlMappingNode>().Select(map => new FaqEvalQuestion(
            Get(map, "text") ?? "",
            Get(map, "lang") ?? "",
            Get(map, "expect") is { } expect && expect is not ("null" or "~" or "") ? expect : null)).ToList();
    }

    private static string? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
