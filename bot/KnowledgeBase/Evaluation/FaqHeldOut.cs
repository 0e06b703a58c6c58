using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase.Evaluation;

/// <summary>
/// Alternates held out of the index, k folds: each alternate is searched against an index built without it (and
/// without the other alternates of its fold). Used to choose the ranking and to tune the thresholds without
/// touching the evaluation sets.
/// </summary>
public static class FaqHeldOut
{
    public const int Folds = 5;

    /// <summary>Each held-out alternate as an evaluation question, with the ranking it got from its fold's index.</summary>
    public static List<(FaqEvalQuestion Question, IReadOnlyList<FaqCandidate> Ranked)> Search(
        IReadOnlyList<FaqEntry> live, Func<IReadOnlyList<FaqEntry>, FaqIndex> build, int top = 4)
    {
        var results = new List<(FaqEvalQuestion, IReadOnlyList<FaqCandidate>)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var heldOut = new List<FaqEvalQuestion>();
            var trimmed = live.Select(entry => entry with
            {
                Content = entry.Content.ToDictionary(kv => kv.Key, kv =>
                {
                    var kept = kv.Value.Alternates.Where((alternate, i) =>
                    {
                        if (i % Folds != fold) return true;
                        heldOut.Add(new FaqEvalQuestion(alternate, kv.Key, entry.Id));
                        return false;
                    }).ToList();
                    return kv.Value with { Alternates = kept };
                }),
            }).ToList();
            var index = build(trimmed);
            results.AddRange(heldOut.Select(q => (q, index.Search(q.Text, top))));
        }
        return results;
    }
}
