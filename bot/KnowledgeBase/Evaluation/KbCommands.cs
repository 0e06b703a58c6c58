using System.Diagnostics;
using System.Globalization;
using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>
/// <c>dotnet run --project bot -- kb validate|eval|tune|scale</c>: check the content, measure search quality on the
/// evaluation set, tune the thresholds on held-out alternates, and measure speed at 2,000 entries.
/// </summary>
public static class KbCommands
{
    public static int Run(string[] args)
    {
        var root = ContentPaths.FindContentRoot();
        var options = LoadOptions(root);
        var kbDirectory = Path.Combine(root, options.Directory);
        var (entries, issues) = FaqYamlReader.ReadDirectory(Path.Combine(kbDirectory, "faq"));
        foreach (var issue in issues) Console.Error.WriteLine(issue);
        var live = entries.Where(e => e.IsLive(DateOnly.FromDateTime(DateTime.UtcNow))).ToList();
        switch (args.FirstOrDefault())
        {
            case "validate":
                return KbValidateCommand.Run(entries, issues, options, kbDirectory, args.Skip(1));
            case "eval":
                return Eval(live, options, root, kbDirectory, args.Skip(1).ToArray());
            case "tune":
                return KbTuning.Run(live, options, FaqSynonyms.Load(Path.Combine(kbDirectory, "synonyms.yaml")),
                    Path.Combine(root, "nlu-models", "intents", "out_of_scope.yaml"));
            case "ask" when args.Length > 1:
                return Ask(live, options, kbDirectory, string.Join(' ', args.Skip(1)));
            case "eval-documents":
                return Documents.DocumentEvaluation.Run(root, kbDirectory, live, options, args.Skip(1).ToList());
            case "scale":
                return Scale(live, options, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000);
            default:
                Console.Error.WriteLine("usage: kb validate [--update-readme] | kb eval [--questions FILE] [--must-not FILE] [--heldout] | kb ask QUESTION | kb eval-documents [QUESTION…] | kb tune | kb scale [entries]");
                return 2;
        }
    }

    private static KnowledgeBaseOptions LoadOptions(string root)
    {
        var configuration = new ConfigurationBuilder().SetBasePath(root).AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddEnvironmentVariables(ChatServiceHost.EnvironmentPrefix).Build();
        var options = new KnowledgeBaseOptions();
        configuration.GetSection(KnowledgeBaseOptions.Section).Bind(options);
        return options;
    }

    private static int Eval(List<FaqEntry> live, KnowledgeBaseOptions options, string root, string kbDirectory, string[] flags)
    {
        // Relative to the repository, as the README writes them and as the nlu commands read theirs (`dotnet run --project bot` runs in bot/).
        string? Flag(string name) => Array.IndexOf(flags, name) is var i and >= 0 && i + 1 < flags.Length ? ContentPaths.Resolve(root, flags[i + 1]) : null;
        var evalDirectory = Path.Combine(kbDirectory, "eval");
        var questionsPath = Flag("--questions") ?? Path.Combine(evalDirectory, "questions.yaml");
        var mustNotPath = Flag("--must-not") ?? Path.Combine(evalDirectory, "must-not-answer.yaml");
        foreach (var path in new[] { questionsPath, mustNotPath })
            if (!File.Exists(path)) { Console.Error.WriteLine($"no such file: {path}"); return 2; }
        var synonyms = FaqSynonyms.Load(Path.Combine(kbDirectory, "synonyms.yaml"));
        var start = Stopwatch.GetTimestamp();
        var index = FaqIndex.For(live, options, synonyms);
        var buildMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var ids = live.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var all = FaqEvalSet.Read(questionsPath);
        var answerable = all.Where(q => q.Expect is not null && ids.Contains(q.Expect)).ToList();
        if (answerable.Count < all.Count) Console.Error.WriteLine($"{all.Count - answerable.Count} questions expect entries that are not live; skipped");
        var mustNot = FaqEvalSet.Read(mustNotPath);
        var r = FaqEvaluator.Evaluate(index, options, answerable, mustNot);
        Console.WriteLine($"entries {live.Count}, phrases {index.DocumentCount}, index build {buildMs:F1} ms");
        Console.WriteLine($"{Path.GetFileName(questionsPath)}: {r.Questions} questions: top-1 {r.Top1:P1}, top-3 {r.Top3:P1}, MRR {r.Mrr:F3}");
        Console.WriteLine($"  decided Answer and right {r.AnsweredCorrectly:P1}, Answer and wrong {r.AnsweredWrongly:P1}");
        foreach (var (language, (top1, top3, mrr)) in r.ByLanguage.OrderBy(kv => kv.Key))
            Console.WriteLine($"  {language}: top-1 {top1:P1}, top-3 {top3:P1}, MRR {mrr:F3}");
        Console.WriteLine($"{Path.GetFileName(mustNotPath)}: {r.MustNotAnswer} questions: wrong answers {r.WrongAnswerRate:P1}, did-you-mean {r.SuggestedOnMustNot:P1}");
        Console.WriteLine($"search latency p50 {r.SearchP50Microseconds:F0} µs, p99 {r.SearchP99Microseconds:F0} µs");
        Console.WriteLine($"thresholds: answer {options.AnswerThreshold}, suggest {options.SuggestThreshold} (calibrated confidence)");
        if (flags.Contains("--heldout"))
        {
            var heldOut = FaqHeldOut.Search(live, entries => FaqIndex.For(entries, options, synonyms));
            var h = FaqEvaluator.Score(heldOut);
            if (Environment.GetEnvironmentVariable("KB_EVAL_MISSES") == "1")
                foreach (var (q, ranked) in heldOut.Where(x => x.Ranked.Count == 0 || x.Ranked[0].Entry.Id != x.Question.Expect))
                    Console.WriteLine($"held-out miss [{q.Language}] {q.Text} → expected {q.Expect}, got {(ranked.Count > 0 ? ranked[0].Entry.Id : "nothing")}");
            Console.WriteLine($"held-out alternates ({FaqHeldOut.Folds} folds) {heldOut.Count}: top-1 {h.Top1:P1}, top-3 {h.Top3:P1}, MRR {h.Mrr:F3}");
        }
        return 0;
    }

    /// <summary>The decision and candidates for one question, as the bot would see them.</summary>
    private static int Ask(List<FaqEntry> live, KnowledgeBaseOptions options, string kbDirectory, string question)
    {
        var index = FaqIndex.For(live, options, FaqSynonyms.Load(Path.Combine(kbDirectory, "synonyms.yaml")));
        var decision = FaqDecision.Decide(index.Search(question, Math.Max(options.SuggestCount, 3) + 1), options);
        Console.WriteLine($"{decision.Kind} (confidence {decision.Confidence:F2})");
        foreach (var candidate in decision.Candidates) Console.WriteLine($"  {candidate.Entry.Id} {candidate.Similarity:F3}");
        return 0;
    }

    /// <summary>Copies the live entries under new ids until there are <paramref name="count"/>, then times build and search.</summary>
    private static int Scale(List<FaqEntry> live, KnowledgeBaseOptions options, int count)
    {
        if (live.Count == 0) return 1;
        var scaled = Enumerable.Range(0, count).Select(i => live[i % live.Count] with { Id = $"{live[i % live.Count].Id}-{i}" }).ToList();
        _ = new FaqIndex(scaled, options.MaxQueryLength); // warm-up
        // The best of five, with CPU time too: on a shared machine the wall clock mostly measures the other processes.
        FaqIndex index = null!;
        double buildMs = double.MaxValue, buildCpuMs = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var cpuStart = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            index = new FaqIndex(scaled, options.MaxQueryLength);
            buildMs = Math.Min(buildMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            buildCpuMs = Math.Min(buildCpuMs, (Environment.CpuUsage.TotalTime - cpuStart).TotalMilliseconds);
        }
        var questions = live.SelectMany(e => e.Content.Values.SelectMany(c => c.Alternates)).ToList();
        var latencies = new List<double>();
        var best = new double[questions.Count];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < 3; round++)
            for (var q = 0; q < questions.Count; q++)
            {
                var t = Stopwatch.GetTimestamp();
                index.Search(questions[q], 4);
                var microseconds = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                if (round == 0) continue;
                latencies.Add(microseconds);
                best[q] = Math.Min(best[q], microseconds);
            }
        var tokenizeStart = Stopwatch.GetTimestamp();
        foreach (var question in questions) FaqTokenizer.Tokenize(question);
        Console.WriteLine($"tokenize only: {Stopwatch.GetElapsedTime(tokenizeStart).TotalMicroseconds / questions.Count:F1} µs per question");
        var normStart = Stopwatch.GetTimestamp();
        foreach (var question in questions) ChatService.Nlu.TextNormalizer.Normalize(question);
        Console.WriteLine($"normalize only: {Stopwatch.GetElapsedTime(normStart).TotalMicroseconds / questions.Count:F1} µs per question");
        latencies.Sort();
        Array.Sort(best);
        Console.WriteLine($"{count} entries ({index.DocumentCount} phrases): index build {buildMs:F0} ms (CPU {buildCpuMs:F0} ms; best of 5); search over {latencies.Count} questions p50 {FaqEvaluator.Percentile(latencies, 0.5):F0} µs, p99 {FaqEvaluator.Percentile(latencies, 0.99):F0} µs; each question's best of 2: p99 {FaqEvaluator.Percentile([.. best], 0.99):F0} µs");
        if (options.SemanticWeight > 0) KbSemanticScale.Print(scaled, options);
        return 0;
    }
}
