using ChatService.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>Tokens made with the real token service at another time or with another secret (expired and forged cases).</summary>
public static class TestTokens
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static string Expired(string conversationId, string userId, string scope = TokenScopes.Conversation) =>
        Service(DirectLineServer.Secret, DateTimeOffset.UtcNow.AddHours(-2)).Issue(conversationId, userId, scope, TimeSpan.FromMinutes(30));

    public static string SignedWithOtherSecret(string conversationId, string userId) =>
        Service("another-secret-entirely-0123456789", DateTimeOffset.UtcNow).Issue(conversationId, userId, TokenScopes.Conversation, TimeSpan.FromMinutes(30));

    /// <summary>A valid token whose payload was edited to name another conversation (signature no longer matches).</summary>
    public static string Tampered(string validToken, string otherConversationId)
    {
        var parts = validToken.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])));
        var conversationId = System.Text.Json.Nodes.JsonNode.Parse(payload)!["conv"]!.GetValue<string>();
        var edited = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.Replace(conversationId, otherConversationId, StringComparison.Ordinal)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{parts[0]}.{edited}.{parts[2]}";
    }

    public static string UserOf(string token)
    {
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[1])));
        return System.Text.Json.Nodes.JsonNode.Parse(payload)!["user"]!.GetValue<string>();
    }

    private static DirectLineTokenService Service(string secret, DateTimeOffset now) =>
        new(Options.Create(new DirectLineOptions { Secret = secret }), new FixedClock(now));

    private static string Pad(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }
}
