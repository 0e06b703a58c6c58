using System.Text.Json.Serialization;

namespace ChatService.Channels.DirectLine;

/// <summary>What a token grants: <c>conversation</c> (REST calls), <c>stream</c> (one WebSocket upgrade) or <c>file</c> (reading one upload).</summary>
public static class TokenScopes
{
    public const string Conversation = "conversation";
    public const string Stream = "stream";
    public const string File = "file";
}

/// <summary>
/// The claims of a Direct Line token. It is a JWT (HS256) so that Web Chat and DirectLineJS can read the
/// <c>user</c> claim as the user id, as they do with Azure's tokens.
/// </summary>
public sealed record DirectLineToken(
    [property: JsonPropertyName("conv")] string ConversationId,
    [property: JsonPropertyName("user")] string UserId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("file"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FileId = null)
{
    [JsonPropertyName("iss")] public string Issuer { get; init; } = "chatservice/directline";

    /// <summary>Makes every token distinct, even two issued in the same second for the same conversation.</summary>
    [JsonPropertyName("jti")] public string? TokenId { get; init; }
}

/// <summary>The outcome of checking a presented token.</summary>
public enum TokenCheck
{
    Valid,
    Invalid,
    Expired,
}
