using System.Globalization;
using System.Text.RegularExpressions;
using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// <c>kb eval-documents</c>: how well passages stand in when the FAQ has no answer, and how often they are wrongly
/// offered. Positives are the evaluation questions whose FAQ entry is written from the manuals: an entry's answer,
/// searched as a question, must find a passage scoring at least <see cref="SourcedFloor"/>, and its top
/// <see cref="GoldPassages"/> passages are the right ones. Each positive is searched as if the FAQ had no entry
/// (the case passages exist for); a hit is a right passage on top and at or above the threshold. Negatives are the
/// must-not-answer questions through the bot's real rule (FAQ "no answer" and a passage at or above the threshold).
/// </summary>
public static partial class DocumentEvaluation
{
    private const double SourcedFloor = 0.45;
    private const int GoldPassages = 3;

    /// <param name="probes">Questions to show instead of the evaluation: the FAQ decision and the best passages.</param>
    public static int Run(string root, string kbDirectory, IReadOnlyList<FaqEntry> live, KnowledgeBaseOptions kbOptions, IReadOnlyList<string> probes)
    {
        var options = new DocumentOptions();
        new ConfigurationBuilder().SetBasePath(root).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables()
            .AddEnvironmentVariables(ChatServiceHost.EnvironmentPrefix).Build().GetSection(DocumentOptions.Section).Bind(options);
        var synonyms = FaqSynonyms.Load(Path.Combine(kbDirectory, "synonyms.yaml"));
        var passages = ManualLibrary.Load(Path.Combine(kbDirectory, options.Directory), options);
        var index = new PassageIndex(passages, synonyms, kbOptions.MaxQueryLength);
        var faq = FaqIndex.For(live, kbOptions, synonyms);
        if (probes.Count > 0) return Probe(probes, index, faq, kbOptions, options);
        var gold = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in live)
        {
            if (!entry.Content.TryGetValue("zh-Hans", out var content)) continue;
            var found = index.Search(Placeholder().Replace(content.Answer, " "), GoldPassages);
            if (found.Count > 0 && found[0].Score >= SourcedFloor) gold[entry.Id] = found.Select(h => h.Passage.Id).ToHashSet(StringComparer.Ordinal);
        }
        var questions = FaqEvalSet.Read(Path.Combine(kbDirectory, "eval", "questions.yaml"));
        var positives = questions.Where(q => q.Expect is not null && gold.ContainsKey(q.Expect)).ToList();
        var mustNot = FaqEvalSet.Read(Path.Combine(kbDirectory, "eval", "must-not-answer.yaml"));
        var positiveTop = positives.Select(q => (q, index.Search(q.Text, 1).FirstOrDefault())).ToList();
        var negativeTop = mustNot.Select(q => (Question: q, Faq: FaqDecision.Decide(faq.Search(q.Text, kbOptions.SuggestCount + 1), kbOptions), Top: index.Search(q.Text, 1).FirstOrDefault())).ToList();

        if (Environment.GetEnvironmentVariable("KB_EVAL_MISSES") == "1")
            foreach (var (q, top) in positiveTop)
                Console.WriteLine($"[{q.Language}] {q.Text} → {q.Expect}: {top?.Score:F2} {(top is not null && gold[q.Expect!].Contains(top.Passage.Id) ? "RIGHT" : "wrong")} {top?.Passage.Id} {top?.Passage.Text[..Math.Min(40, top.Passage.Text.Length)]}");
        Console.WriteLine($"{passages.Count} passages from {passages.Select(p => p.Source).Distinct().Count()} manuals; {gold.Count} of {live.Count} FAQ entries are written from them");
        Console.WriteLine($"positives: {positives.Count} evaluation questions of those entries; negatives: {mustNot.Count} must-not-answer questions");
        Console.WriteLine("threshold  hit(zh)  hit(zh-Hans)  hit(zh-Hant)  hit(en)  must-not offers (bot rule)  (passage alone)");
        for (var t = 0.30; t <= 0.951; t += 0.05) Row(t, positiveTop, negativeTop, gold, t == options.Threshold);
        Row(options.Threshold, positiveTop, negativeTop, gold, current: true);
        Console.WriteLine(Latency(index, questions.Concat(mustNot).Select(q => q.Text).ToList()));
        foreach (var (question, decision, top) in negativeTop.Where(n => n.Faq.Kind != FaqDecisionKind.Answer && n.Top?.Score >= options.Threshold))
            Console.WriteLine($"  wrongly offered: {question.Text} → {top!.Passage.Id} {top.Score:F2}");
        return 0;
    }

    private static int Probe(IReadOnlyList<string> questions, PassageIndex index, FaqIndex faq, KnowledgeBaseOptions kbOptions, DocumentOptions options)
    {
        foreach (var question in questions)
        {
            var decision = FaqDecision.Decide(faq.Search(question, kbOptions.SuggestCount + 1), kbOptions);
            Console.WriteLine($"{question}\n  FAQ: {decision.Kind} {decision.Best?.Entry.Id} {decision.Confidence:F2}");
            foreach (var hit in index.Search(question, 3))
                Console.WriteLine($"  {hit.Score:F2}{(hit.Score >= options.Threshold ? " ✓" : "  ")} {hit.Passage.Id} [{hit.Passage.Section}] {PassageExcerpt.For(hit.Passage, question, options.MaxExcerptChars, index.Synonyms)}");
        }
        return 0;
    }

    private static void Row(double threshold, List<(FaqEvalQuestion Question, PassageHit? Top)> positives,
        List<(FaqEvalQuestion Question, FaqDecision Faq, PassageHit? Top)> negatives, Dictionary<string, HashSet<string>> gold, bool current)
    {
        string Hit(Func<string, bool> language)
        {
            var set = positives.Where(p => language(p.Question.Language)).ToList();
            var hits = set.Count(p => p.Top is { } top && top.Score >= threshold && gold[p.Question.Expect!].Contains(top.Passage.Id));
            return set.Count == 0 ? "-" : ((double)hits / set.Count).ToString("P1", CultureInfo.InvariantCulture);
        }
        var offered = negatives.Count(n => n.Faq.Kind != FaqDecisionKind.Answer && n.Top?.Score >= threshold);
        var alone = negatives.Count(n => n.Top?.Score >= threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{threshold,9:F2}  {Hit(l => l != "en"),7}  {Hit(l => l == "zh-Hans"),12}  {Hit(l => l == "zh-Hant"),12}  {Hit(l => l == "en"),7}  {offered,4} ({(double)offered / Math.Max(1, negatives.Count),6:P1})  {alone,14} ({(double)alone / Math.Max(1, negatives.Count):P1}){(current ? "  ← configured" : "")}"));
    }

    private static string Latency(PassageIndex index, List<string> questions)
    {
        for (var round = 0; round < 3; round++) foreach (var question in questions) index.Search(question); // warm-up (JIT tiers)
        var microseconds = questions.Select(q =>
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            index.Search(q);
            return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"passage search over {index.Passages.Count} passages: p50 {microseconds[microseconds.Count / 2]:F0} µs, p99 {microseconds[(int)(microseconds.Count * 0.99)]:F0} µs");
    }

    [GeneratedRegex(@"\{[a-zA-Z.]+\}")]
    private static partial Regex Placeholder();
}
