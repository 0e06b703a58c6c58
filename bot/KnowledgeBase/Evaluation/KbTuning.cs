using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>
/// Tunes the decision thresholds without touching the evaluation set: positives are alternates held out of the
/// index (5 folds), negatives are the intent classifier's out-of-scope training utterances.
/// </summary>
public static class KbTuning
{
    public static int Run(List<FaqEntry> live, KnowledgeBaseOptions options, FaqSynonyms synonyms, string outOfScopePath)
    {
        var positives = FaqHeldOut.Search(live, entries => FaqIndex.For(entries, options, synonyms))
            .Select(r => (r.Ranked, Expect: r.Question.Expect!)).ToList();
        var full = FaqIndex.For(live, options, synonyms);
        var negatives = File.Exists(outOfScopePath)
            ? ReadExamples(outOfScopePath).Select(text => full.Search(text, 4)).ToList()
            : [];
        Console.WriteLine($"tuning on {positives.Count} held-out alternates and {negatives.Count} out-of-scope utterances");
        static (double, double) TopTwo(IReadOnlyList<FaqCandidate> r) => (r.Count > 0 ? r[0].Similarity : 0, r.Count > 1 ? r[1].Similarity : 0);
        var samples = positives.Select(p => (TopTwo(p.Ranked), p.Ranked.Count > 0 && p.Ranked[0].Entry.Id == p.Expect))
            .Concat(negatives.Select(n => (TopTwo(n), false)))
            .Select(x => (x.Item1.Item1, x.Item1.Item2, x.Item2)).ToList();
        var calibration = FaqCalibration.Fit(samples);
        Console.WriteLine($"calibration: Similarity {calibration.Similarity:F3}, Lead {calibration.Lead:F3}, Bias {calibration.Bias:F3}");
        Console.WriteLine("answer  suggest | right-answer  wrong-answer  suggested  missed | oos-answered  oos-suggested");
        foreach (var answer in new[] { 0.5, 0.6, 0.7, 0.8 })
            foreach (var suggest in new[] { 0.1, 0.15, 0.2, 0.3 })
            {
                var o = new KnowledgeBaseOptions { AnswerThreshold = answer, SuggestThreshold = suggest, Calibration = calibration };
                var decided = positives.Select(p => (Decision: FaqDecision.Decide(p.Ranked, o), p.Expect)).ToList();
                var right = decided.Count(d => d.Decision.Kind == FaqDecisionKind.Answer && d.Decision.Best!.Entry.Id == d.Expect);
                var wrong = decided.Count(d => d.Decision.Kind == FaqDecisionKind.Answer && d.Decision.Best!.Entry.Id != d.Expect);
                var suggested = decided.Count(d => d.Decision.Kind == FaqDecisionKind.Suggest);
                var missed = decided.Count(d => d.Decision.Kind == FaqDecisionKind.NoAnswer);
                var oos = negatives.Select(n => FaqDecision.Decide(n, o).Kind).ToList();
                Console.WriteLine($"{answer,6:F2} {suggest,8:F2} | {Pct(right, decided.Count),12} {Pct(wrong, decided.Count),13} {Pct(suggested, decided.Count),10} {Pct(missed, decided.Count),7} | {Pct(oos.Count(k => k == FaqDecisionKind.Answer), oos.Count),12} {Pct(oos.Count(k => k == FaqDecisionKind.Suggest), oos.Count),14}");
            }
        // The related-entry button (a flow reply, a choice of intents, a refusal): only the best entry, offered at or above
        // RelatedThreshold; what it costs is a button on an out-of-scope request.
        var tuned = new KnowledgeBaseOptions { Calibration = calibration };
        var positiveConfidence = positives.Select(p => (Decision: FaqDecision.Decide(p.Ranked, tuned), p.Expect)).ToList();
        var negativeConfidence = negatives.Select(n => FaqDecision.Decide(n, tuned).Confidence).ToList();
        Console.WriteLine("related | right entry offered  other entry offered | oos offered");
        foreach (var related in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 })
        {
            var offered = positiveConfidence.Where(d => d.Decision.Confidence >= related).ToList();
            var right = offered.Count(d => d.Decision.Best!.Entry.Id == d.Expect);
            Console.WriteLine($"{related,7:F2} | {Pct(right, positiveConfidence.Count),19} {Pct(offered.Count - right, positiveConfidence.Count),20} | {Pct(negativeConfidence.Count(c => c >= related), negativeConfidence.Count),11}");
        }
        return 0;
    }

    private static string Pct(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:F1}%";

    private static IEnumerable<string> ReadExamples(string path)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents[0].RootNode is not YamlDotNet.RepresentationModel.YamlMappingNode root) yield break;
        if (!root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("examples"), out var examples)) yield break;
        if (examples is not YamlDotNet.RepresentationModel.YamlMappingNode byLanguage) yield break;
        foreach (var list in byLanguage.Children.Values.OfType<YamlDotNet.RepresentationModel.YamlSequenceNode>())
            foreach (var item in list.Children.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>())
                if (item.Value is { Length: > 0 } text) yield return text;
    }
}
