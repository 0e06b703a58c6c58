namespace ChatService.Nlu;

/// <summary><c>nlu eval FILE</c>: scores the saved model on a YAML file or folder of labelled utterances.</summary>
public static class EvalCommand
{
    public static int Run(NluCommandContext context, string path)
    {
        var model = IntentModel.Load(context.ModelPath);
        var test = NluDataFiles.ReadFolder(context.Resolve(path));
        var report = IntentEvaluator.Evaluate(model, test);
        Console.WriteLine(ReportWriter.Summary(report));
        var (p50, p99) = BenchCommand.Latency(model, test, context.Options, context.Identifiers);
        Console.WriteLine($"latency per utterance (normalize + language + entities + classify): p50 {p50:F3} ms, p99 {p99:F3} ms");
        foreach (var error in report.Errors.Take(30))
            Console.WriteLine($"  {error.Language,-7} {error.Expected,-14} → {error.Predicted,-14} {error.Confidence:F2}  {error.Text}");
        return 0;
    }
}
