using System.Text;
using System.Text.Json;

namespace ChatService.Nlu;

/// <summary>One public benchmark: training data, optional validation data (for the threshold) and the test set.</summary>
public sealed record BenchDataset(string Name, string Language, IReadOnlyList<NluExample> Train,
    IReadOnlyList<NluExample>? Validation, IReadOnlyList<NluExample> Test, string OutOfScopeLabel)
{
    /// <summary>For choosing hyperparameters: test on validation data (or 10 % of train) and never on the test set.</summary>
    public BenchDataset ForDevelopment(IReadOnlyList<NluExample>? development)
    {
        // CLINC150 keeps val for the threshold: the dev score is then optimistic for out-of-scope recall only.
        if (development is not null)
            return this with { Name = Name + "/dev", Validation = ReferenceEquals(development, Validation) ? Validation : null, Test = development };
        var (fit, heldOut) = ModelSelection.Split(Train, 0.1);
        return this with { Name = Name + "/dev", Train = fit, Validation = null, Test = heldOut };
    }
}

/// <summary>Reads BANKING77, CLINC150 (full) and SMP2017-ECDT from the shared datasets folder (never copied into the repo).</summary>
public static class BenchDatasets
{
    public static BenchDataset Banking77(string root) => new("BANKING77", "en",
        Csv(Path.Combine(root, "banking77", "train.csv"), "en"), null,
        Csv(Path.Combine(root, "banking77", "test.csv"), "en"), Intents.OutOfScope);

    public static IReadOnlyList<NluExample> Smp2017Development(string root) =>
        Csv(Path.Combine(root, "smp2017_ecdt", "develop.csv"), "zh-Hans");

    public static BenchDataset Smp2017(string root) => new("SMP2017-ECDT", "zh-Hans",
        Csv(Path.Combine(root, "smp2017_ecdt", "train.csv"), "zh-Hans"), null,
        Csv(Path.Combine(root, "smp2017_ecdt", "test.csv"), "zh-Hans"), Intents.OutOfScope);

    /// <summary>CLINC150 full: train + oos_train to train, val + oos_val to tune the threshold, test + oos_test to test.</summary>
    public static BenchDataset Clinc150(string root)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "clinc150", "data_full.json")));
        List<NluExample> Part(params string[] keys) => keys.SelectMany(key => document.RootElement.GetProperty(key).EnumerateArray())
            .Select(row => new NluExample(row[0].GetString() ?? "", row[1].GetString() ?? "", "en")).ToList();
        return new("CLINC150", "en", Part("train", "oos_train"), Part("val", "oos_val"), Part("test", "oos_test"), "oos");
    }

    /// <summary>A two-column CSV (text,category) with a header and RFC 4180 quoting.</summary>
    public static List<NluExample> Csv(string path, string language)
    {
        var rows = new List<NluExample>();
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var header = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var ch = i < text.Length ? text[i] : '\n';
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
                continue;
            }
            if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                if (!header && fields.Count >= 2 && fields[0].Length > 0)
                    rows.Add(new NluExample(string.Join(",", fields.Take(fields.Count - 1)), fields[^1].Trim(), language));
                header = false;
                fields.Clear();
            }
            else field.Append(ch);
        }
        return rows;
    }
}
