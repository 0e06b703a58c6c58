using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>RSA keys generated for the test run, published as JWKS by <see cref="AzureStandIn"/>, and tokens signed with them.</summary>
public sealed class TestKeys
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-app-password";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    /// <summary>Endorsed for the common channels.</summary>
    public RsaSecurityKey Channel { get; } = NewKey("channel-key");

    /// <summary>Endorsed for msteams only.</summary>
    public RsaSecurityKey TeamsOnly { get; } = NewKey("teams-key");

    /// <summary>Published without an endorsements entry.</summary>
    public RsaSecurityKey Unendorsed { get; } = NewKey("unendorsed-key");

    /// <summary>Entra ID key (signs Emulator tokens).</summary>
    public RsaSecurityKey Aad { get; } = NewKey("aad-key");

    /// <summary>Never published; carries the channel key's id to forge a signature.</summary>
    public RsaSecurityKey Forger { get; } = NewKey("channel-key");

    public JsonObject ChannelJwks() => new()
    {
        ["keys"] = new JsonArray(
            Jwk(Channel, "webchat", "directline", "msteams", "emulator", "test"),
            Jwk(TeamsOnly, "msteams"),
            Jwk(Unendorsed, null)),
    };

    public JsonObject EmulatorJwks() => new() { ["keys"] = new JsonArray(Jwk(Aad, null)) };

    public static string Token(
        SecurityKey? signingKey, string issuer, string audience, IDictionary<string, object> claims,
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            SigningCredentials = signingKey is null ? null : new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public string ChannelToken(string serviceUrl, SecurityKey? key = null, string issuer = ChannelIssuer, string audience = AppId,
        DateTime? notBefore = null, DateTime? expires = null) =>
        Token(key ?? Channel, issuer, audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, notBefore, expires);

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private static JsonObject Jwk(RsaSecurityKey key, params string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e!).ToArray());
        return jwk;
    }
}
