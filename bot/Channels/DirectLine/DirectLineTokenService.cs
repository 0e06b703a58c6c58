using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Issues and checks tokens without state: each token is signed with an HMAC key derived from the Direct Line
/// secret, so any instance sharing the secret can validate any token.
/// </summary>
public sealed class DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private readonly Lazy<byte[]> _key = new(() => DeriveKey(options.Value.Secret));

    public TimeSpan ConversationLifetime => options.Value.TokenLifetime;

    public string Issue(string conversationId, string userId, string scope, TimeSpan lifetime, string? fileId = null)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var claims = new DirectLineToken(conversationId, userId, scope, now + (long)lifetime.TotalSeconds, now, fileId)
        {
            TokenId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        };
        var signingInput = $"{Base64Url(Header)}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{signingInput}.{Base64Url(Sign(signingInput))}";
    }

    public TokenCheck Check(string? token, out DirectLineToken? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > 4096) return TokenCheck.Invalid;
        var parts = token.Split('.');
        if (parts.Length != 3) return TokenCheck.Invalid;
        try
        {
            var expected = Sign($"{parts[0]}.{parts[1]}");
            if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(Pad(parts[2])))) return TokenCheck.Invalid;
            claims = JsonSerializer.Deserialize<DirectLineToken>(Convert.FromBase64String(Pad(parts[1])));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return TokenCheck.Invalid;
        }
        if (claims is null || string.IsNullOrEmpty(claims.ConversationId) || string.IsNullOrEmpty(claims.UserId)) return TokenCheck.Invalid;
        return claims.ExpiresAt <= clock.GetUtcNow().ToUnixTimeSeconds() ? TokenCheck.Expired : TokenCheck.Valid;
    }

    /// <summary>Compares a presented secret with the configured one in constant time.</summary>
    public bool IsSecret(string presented)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(signingInput));

    // A separate key (not the secret itself) so that a leaked token signature says nothing about the secret.
    private static byte[] DeriveKey(string secret)
    {
        if (string.IsNullOrEmpty(secret))
            throw new InvalidOperationException("DirectLine:Secret is not configured; Direct Line tokens cannot be issued or checked.");
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "ChatService/DirectLine/token-signing/v1"u8);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return (s.Length % 4) switch { 2 => s + "==", 3 => s + "=", 1 => throw new FormatException(), _ => s };
    }
}
