namespace ChatService.Transcripts;

/// <summary>Turns "limit + 1" rows into a page and the cursor of the next one (shared by every store).</summary>
public static class ConversationPaging
{
    public static ConversationPage ToPage(List<ConversationSummary> rows, int limit)
    {
        if (rows.Count <= limit) return new ConversationPage(rows, null);
        rows.RemoveRange(limit, rows.Count - limit);
        var last = rows[^1];
        return new ConversationPage(rows, new ConversationCursor(last.LastActivityAt, last.ConversationId).Encode());
    }
}
