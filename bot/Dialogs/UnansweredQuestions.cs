using ChatService.KnowledgeBase.Inbox;
using ChatService.Transcripts.Masking;

namespace ChatService.Dialogs;

/// <summary>
/// Sends the questions the bot did not serve well to the editors' inbox, masked like the transcript (editors see
/// the question, never a phone or ID number). An inbox failure never costs the customer their answer.
/// </summary>
public sealed partial class UnansweredQuestions(IUnansweredInbox inbox, PiiMasker masker, ILogger<UnansweredQuestions> logger)
{
    public string Mask(string question) => masker.Mask(question);

    public async Task RecordAsync(string? question, string language, string kind, string? entryId, string? conversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question)) return;
        try
        {
            await inbox.RecordAsync(question, language, kind, entryId, conversationId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInboxFailed(ex, kind, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a {Kind} question of conversation {ConversationId} in the inbox")]
    private partial void LogInboxFailed(Exception ex, string kind, string? conversationId);
}
