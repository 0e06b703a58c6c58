using Microsoft.IdentityModel.JsonWebTokens;

namespace ChatService.Channels.BotFramework.Authentication;

/// <summary>
/// Recognises tokens issued by Entra ID (v1 and v2) rather than the Bot Framework: the Emulator signs its
/// requests with the bot's own credentials, and single-tenant bots get tokens from their tenant.
/// </summary>
public static class EmulatorTokens
{
    private static readonly string[] FixedIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>The issuers accepted for this token: the fixed list plus the v1/v2 issuers of its <c>tid</c>.</summary>
    public static string[] ValidIssuers(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("tid", out var tenantId) && !string.IsNullOrEmpty(tenantId)
            ? [.. FixedIssuers, $"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"]
            : FixedIssuers;

    public static bool IsEmulatorToken(JsonWebToken token) =>
        ValidIssuers(token).Contains(token.Issuer, StringComparer.Ordinal);

    /// <summary>The app id the token was issued to: <c>appid</c> for v1 tokens, <c>azp</c> for v2; null when <c>ver</c> is missing or unknown.</summary>
    public static string? AppId(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>("ver", out var version)) return null;
        var claim = version switch
        {
            "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        return claim is not null && token.TryGetPayloadValue<string>(claim, out var appId) ? appId : null;
    }
}
