using System.Text.Json.Serialization;
using ChatService.Channels.Protocol;

namespace ChatService.Channels.DirectLine;

/// <summary>What GET activities and every WebSocket frame carry: activities after a watermark, and the new watermark.</summary>
public sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string? Watermark);

/// <summary>The Conversation object of Direct Line (note the snake_case <c>expires_in</c>).</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null);

/// <summary>Watermarks are the sequence number of the last activity delivered, as a string.</summary>
public static class Watermark
{
    public static bool TryParse(string? watermark, out long? afterSequence)
    {
        afterSequence = null;
        if (string.IsNullOrEmpty(watermark)) return true;
        if (!long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)) return false;
        afterSequence = value;
        return true;
    }

    public static string Format(long sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
