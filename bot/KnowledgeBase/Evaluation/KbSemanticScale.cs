using System.Diagnostics;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>
/// The meaning signal's share of <c>kb scale</c>: encoding English phrasings (what a cold start or a changed entry
/// costs), scanning the vectors of every entry for one question, and encoding one new question.
/// </summary>
public static class KbSemanticScale
{
    public static void Print(List<FaqEntry> scaled, KnowledgeBaseOptions options)
    {
        var english = scaled.Select(e => e.Content.GetValueOrDefault(FaqLanguages.English)).OfType<FaqContent>()
            .SelectMany(c => c.Alternates.Prepend(c.Question)).ToList();
        var distinct = english.Distinct(StringComparer.Ordinal).ToList();
        var encodeStart = Stopwatch.GetTimestamp();
        SentenceEmbedder.Encode(distinct, SentenceEmbedder.MiniLm, 1);
        var encodeSeconds = Stopwatch.GetElapsedTime(encodeStart).TotalSeconds;
        Console.WriteLine($"meaning signal: {distinct.Count} distinct English phrasings encoded in {encodeSeconds:F1} s " +
            $"({distinct.Count / encodeSeconds:F0} a second; a publish encodes only new or changed phrasings)");

        var buildStart = Stopwatch.GetTimestamp();
        var index = FaqIndex.For(scaled, options);
        Console.WriteLine($"  index with vectors for {english.Count} English phrasings: build {Stopwatch.GetElapsedTime(buildStart).TotalMilliseconds:F0} ms (vectors cached)");
        var questions = english.Take(distinct.Count).Where(FaqSemantic.Applies).Take(300).ToList();
        SentenceEmbedder.EncodeCached(questions);
        var scan = Times(questions, q => index.Search(q, 4));
        Console.WriteLine($"  search of an English question with its vector at hand: p50 {scan.P50:F0} µs, p99 {scan.P99:F0} µs");
        var encode = Times(questions, q => SentenceEmbedder.Encode([q], SentenceEmbedder.MiniLm, 1));
        Console.WriteLine($"  encoding a new English question (once per question; cached): p50 {encode.P50:F0} µs, p99 {encode.P99:F0} µs");
    }

    private static (double P50, double P99) Times(List<string> questions, Action<string> action)
    {
        foreach (var question in questions.Take(20)) action(question); // warm-up
        var times = new List<double>();
        foreach (var question in questions)
        {
            var start = Stopwatch.GetTimestamp();
            action(question);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
        times.Sort();
        return (FaqEvaluator.Percentile(times, 0.5), FaqEvaluator.Percentile(times, 0.99));
    }
}
