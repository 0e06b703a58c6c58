namespace ChatService.KnowledgeBase.Inbox;

/// <summary>Why a question landed in the inbox.</summary>
public static class InboxKinds
{
    public const string NoAnswer = "no-answer";
    public const string NoneOfThese = "none-of-these";
    public const string ThumbsDown = "thumbs-down";
    public const string LowConfidence = "low-confidence";

    public static readonly string[] All = [NoAnswer, NoneOfThese, ThumbsDown, LowConfidence];
}

/// <summary>A customer question the knowledge base did not serve well; <see cref="EntryId"/> is the entry that was answered (👎) if any.</summary>
public sealed record InboxItem(long Id, string Question, string Language, string Kind, string? EntryId, string? ConversationId, DateTimeOffset At);

/// <summary>
/// The unanswered inbox: the bot records questions with no answer, "none of these" clicks, 👎 answers and low-confidence
/// intents; editors work through them (add as an alternate, start a new entry, or dismiss).
/// </summary>
public interface IUnansweredInbox
{
    /// <summary>Records one question (Id and At are assigned). Questions are truncated to 500 characters.</summary>
    Task RecordAsync(string question, string language, string kind, string? entryId = null, string? conversationId = null, CancellationToken cancellationToken = default);

    /// <summary>Open items, newest first.</summary>
    Task<IReadOnlyList<InboxItem>> OpenAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Closes items: <paramref name="resolution"/> says what the editor did.</summary>
    Task ResolveAsync(IReadOnlyList<long> ids, string by, string resolution, CancellationToken cancellationToken = default);
}
