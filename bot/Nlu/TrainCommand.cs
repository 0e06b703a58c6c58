namespace ChatService.Nlu;

/// <summary><c>nlu train</c>: select the learner on held-out training data, train, evaluate on the test files, save.</summary>
public static class TrainCommand
{
    public static int Run(NluCommandContext context, bool quick = false)
    {
        var data = context.DataDirectory;
        var training = NluDataFiles.ReadTraining(data);
        var test = NluDataFiles.ReadTest(data);
        Console.WriteLine($"training data: {training.Count} utterances, {training.Select(e => e.Intent).Distinct().Count()} intents; test: {test.Count}");
        var (settings, comparison) = quick ? (IntentTrainer.DefaultSettings, []) : ModelSelection.Select(training);
        settings = settings with { OutOfScopeRecallTarget = context.Options.OutOfScopeRecallTarget };
        var trained = IntentTrainer.Train(training, settings, dataFingerprint: NluDataFiles.Fingerprint(data));
        trained.Model.Save(context.ModelPath);
        Console.WriteLine($"model: {context.ModelPath} ({new FileInfo(context.ModelPath).Length / 1024} KB), trained in {trained.TrainingTime.TotalSeconds:F1} s [{settings}]");
        var report = IntentEvaluator.Evaluate(trained.Model, test) with
        {
            TrainingSeconds = Math.Round(trained.TrainingTime.TotalSeconds, 2),
            TrainingCount = trained.TrainingCount,
            TrainerComparison = comparison,
        };
        ReportWriter.Write(report, context.ReportDirectory);
        Console.WriteLine(ReportWriter.Summary(report));
        return 0;
    }
}
