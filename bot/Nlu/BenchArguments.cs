using System.Globalization;

namespace ChatService.Nlu;

/// <summary>Command-line options of <c>nlu bench</c>; unset values keep each dataset's chosen settings.</summary>
public sealed record BenchArguments(string? Only, bool Development, bool? NormalizeBlocks, TrainerKind? Trainer, int? Words, int? Chars, int? Segments, string? Ensemble, string? Encoder, float? EncoderWeight, int? MaxNgrams, int? Threads, float? L2, int? Iterations, double? OutOfScopeRecall = null, int? HeldOutIntentEvery = null, OutOfScopeObjective? Objective = null)
{
    public static BenchArguments Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        int? Int(string name) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return new BenchArguments(Value("--only"), args.Contains("--dev"),
            args.Contains("--blocknorm") ? true : args.Contains("--no-blocknorm") ? false : null,
            Value("--trainer") is { } t ? Enum.Parse<TrainerKind>(t, ignoreCase: true) : null,
            Int("--words"), Int("--chars"), Int("--zhwords"), Value("--ensemble"), Value("--encoder"),
            Value("--encoder-weight") is { } w ? float.Parse(w, CultureInfo.InvariantCulture) : null, Int("--max-ngrams"), Int("--threads"),
            Value("--l2") is { } l2 ? float.Parse(l2, CultureInfo.InvariantCulture) : null,
            Int("--iters"),
            Value("--oos-recall") is { } recall ? double.Parse(recall, CultureInfo.InvariantCulture) : null,
            Int("--pseudo-oos"),
            Value("--oos-objective") is { } objective ? Enum.Parse<OutOfScopeObjective>(objective.Replace("-", ""), ignoreCase: true) : null);
    }

    public NluTrainingSettings Apply(NluTrainingSettings settings) => settings with
    {
        Trainer = Trainer ?? settings.Trainer,
        WordNgrams = Words ?? settings.WordNgrams,
        CharNgrams = Chars ?? settings.CharNgrams,
        SegmentNgrams = Segments ?? settings.SegmentNgrams,
        Ensemble = Ensemble ?? settings.Ensemble,
        Encoder = Encoder is "none" ? "" : Encoder ?? settings.Encoder,
        EncoderWeight = EncoderWeight ?? settings.EncoderWeight,
        MaxNgrams = MaxNgrams ?? settings.MaxNgrams,
        Threads = Threads ?? settings.Threads,
        L2 = L2 ?? settings.L2,
        Iterations = Iterations ?? settings.Iterations,
        NormalizeBlocks = NormalizeBlocks ?? settings.NormalizeBlocks,
        // An objective asked for replaces the dataset's recall target; a recall target asked for wins over both.
        OutOfScopeRecallTarget = OutOfScopeRecall ?? (Objective is null ? settings.OutOfScopeRecallTarget : null),
        OutOfScopeObjective = Objective ?? settings.OutOfScopeObjective,
        HeldOutIntentEvery = HeldOutIntentEvery ?? settings.HeldOutIntentEvery,
    };
}
