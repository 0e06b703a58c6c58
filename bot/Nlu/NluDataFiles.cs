using System.Security.Cryptography;
using YamlDotNet.Serialization;

namespace ChatService.Nlu;

/// <summary>
/// Reads the human-edited training data: <c>intents/&lt;intent&gt;.yaml</c> (training) and <c>test/&lt;intent&gt;.yaml</c>
/// (held-out test), each <c>intent: name</c> plus <c>examples:</c> keyed by language (zh-Hans, zh-Hant, en).
/// </summary>
public static class NluDataFiles
{
    public const string TrainingFolder = "intents";
    public const string TestFolder = "test";

    private sealed class IntentFile
    {
        [YamlMember(Alias = "intent")] public string? Intent { get; set; }
        [YamlMember(Alias = "examples")] public Dictionary<string, List<string?>?>? Examples { get; set; }
    }

    public static IReadOnlyList<NluExample> ReadTraining(string dataDirectory) =>
        ReadFolder(Path.Combine(dataDirectory, TrainingFolder));

    public static IReadOnlyList<NluExample> ReadTest(string dataDirectory) =>
        ReadFolder(Path.Combine(dataDirectory, TestFolder));

    /// <summary>Reads one file, or every *.yaml/*.yml file of a folder, in name order.</summary>
    public static IReadOnlyList<NluExample> ReadFolder(string path)
    {
        var files = Directory.Exists(path) ? YamlFiles(path) : [path];
        return files.SelectMany(ReadFile).ToList();
    }

    public static IEnumerable<NluExample> ReadFile(string path)
    {
        var deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
        IntentFile? file;
        try { file = deserializer.Deserialize<IntentFile>(File.ReadAllText(path)); }
        catch (YamlDotNet.Core.YamlException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
        var intent = file?.Intent ?? Path.GetFileNameWithoutExtension(path);
        foreach (var (language, texts) in file?.Examples ?? [])
            foreach (var text in texts ?? [])
                if (!string.IsNullOrWhiteSpace(text)) yield return new NluExample(text.Trim(), intent, language);
    }

    /// <summary>A hash of the training data's content: the model is stale when it differs from the one it was trained on.</summary>
    public static string Fingerprint(string dataDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(IntentTrainer.PipelineVersion));
        var folder = Path.Combine(dataDirectory, TrainingFolder);
        foreach (var file in Directory.Exists(folder) ? YamlFiles(folder) : [])
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static IEnumerable<string> YamlFiles(string folder) =>
        Directory.GetFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
