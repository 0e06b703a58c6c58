using System.Text.Json;
using ChatService.State;

namespace ChatService.KnowledgeBase.Feedback;

/// <summary>👍/👎 counts of one entry.</summary>
public sealed record FaqFeedbackCounts(int Up, int Down);

/// <summary>
/// Records customers' 👍/👎 against FAQ entries in the shared state store (so every instance counts into one
/// total); the transcript keeps each vote with its conversation for the editors' inbox.
/// </summary>
public sealed class FaqFeedbackStore(IStateStore store)
{
    private const int Attempts = 5;

    public async Task<FaqFeedbackCounts> RecordAsync(string faqId, bool helpful, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var item = await store.ReadAsync(StateKeys.FaqFeedback(faqId), cancellationToken);
            var counts = item is null ? new FaqFeedbackCounts(0, 0) : JsonSerializer.Deserialize<FaqFeedbackCounts>(item.Value)!;
            var next = helpful ? counts with { Up = counts.Up + 1 } : counts with { Down = counts.Down + 1 };
            try
            {
                await store.WriteAsync(StateKeys.FaqFeedback(faqId), JsonSerializer.Serialize(next), item?.ETag ?? "*", null, cancellationToken);
                return next;
            }
            catch (ETagConflictException) when (attempt < Attempts)
            {
                // another instance counted at the same moment: read again and retry
            }
        }
    }

    public async Task<FaqFeedbackCounts> ReadAsync(string faqId, CancellationToken cancellationToken)
    {
        var item = await store.ReadAsync(StateKeys.FaqFeedback(faqId), cancellationToken);
        return item is null ? new FaqFeedbackCounts(0, 0) : JsonSerializer.Deserialize<FaqFeedbackCounts>(item.Value)!;
    }
}
