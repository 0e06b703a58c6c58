using Microsoft.IdentityModel.Tokens;

namespace ChatService.Channels.BotFramework.Authentication;

/// <summary>
/// One issuer's signing keys, and for each key id the channels that key is endorsed for (Bot Framework's
/// JWKS carries an extra <c>endorsements</c> array per key; Entra ID's keys have none).
/// </summary>
public sealed class SigningKeySet(IReadOnlyList<SecurityKey> keys, IReadOnlyDictionary<string, string[]> endorsements)
{
    public IReadOnlyList<SecurityKey> Keys { get; } = keys;

    public IReadOnlyDictionary<string, string[]> Endorsements { get; } = endorsements;

    public bool HasKey(string? keyId) => keyId is not null && Keys.Any(k => k.KeyId == keyId);
}
