using System.Text.Json.Serialization;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// The stored record of a Direct Line conversation (in <c>IStateStore</c> under <c>StateKeys.DirectLineConversation</c>),
/// so any instance can serve it. Created by token generation or by a start; <see cref="Started"/> once the bot was told.
/// </summary>
public sealed record DirectLineConversation
{
    [JsonPropertyName("conversationId")] public required string ConversationId { get; init; }
    [JsonPropertyName("userId")] public required string UserId { get; init; }
    [JsonPropertyName("userName")] public string? UserName { get; init; }
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    [JsonPropertyName("started")] public bool Started { get; init; }
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }
}
