using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace ChatService.Channels.BotFramework.Authentication;

/// <summary>
/// Reads an OpenID metadata document, then the JWKS its <c>jwks_uri</c> names, keeping the key endorsements
/// that the standard OpenID configuration model drops.
/// </summary>
public sealed class SigningKeySetRetriever : IConfigurationRetriever<SigningKeySet>
{
    public async Task<SigningKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        string? jwksUri;
        using (var document = JsonDocument.Parse(metadata))
            jwksUri = document.RootElement.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
        if (string.IsNullOrEmpty(jwksUri))
            throw new InvalidOperationException($"The OpenID metadata at '{address}' has no jwks_uri.");

        var jwks = await retriever.GetDocumentAsync(jwksUri, cancel);
        var keys = new JsonWebKeySet(jwks).GetSigningKeys();
        return new SigningKeySet(keys.ToArray(), ReadEndorsements(jwks));
    }

    private static Dictionary<string, string[]> ReadEndorsements(string jwks)
    {
        var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwks);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            return endorsements;
        foreach (var key in keys.EnumerateArray())
        {
            if (!key.TryGetProperty("kid", out var kid) || kid.GetString() is not { } keyId) continue;
            if (!key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            endorsements[keyId] = list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToArray();
        }
        return endorsements;
    }
}
