namespace ChatService.Transcripts;

/// <summary>A page request over conversations, newest activity first.</summary>
public sealed record ConversationQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? ChannelId = null,
    int Limit = 50,
    ConversationCursor? Cursor = null);

/// <summary>Where a page ends: the last conversation's last-activity time and id (keyset pagination).</summary>
public sealed record ConversationCursor(DateTimeOffset LastActivityAt, string ConversationId)
{
    public string Encode() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{LastActivityAt.UtcTicks}|{ConversationId}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? value, out ConversationCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value)) return true;
        try
        {
            var base64 = value.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var bar = text.IndexOf('|');
            if (bar <= 0 || !long.TryParse(text[..bar], out var ticks) || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new ConversationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>One conversation in the review list.</summary>
public sealed record ConversationSummary(
    string ConversationId,
    string ChannelId,
    DateTimeOffset FirstActivityAt,
    DateTimeOffset LastActivityAt,
    int ActivityCount,
    int UserMessageCount,
    int BotMessageCount,
    string? LastRoute);

/// <summary>A page of conversations; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? NextCursor);
