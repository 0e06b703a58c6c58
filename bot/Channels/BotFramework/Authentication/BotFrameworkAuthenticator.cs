using ChatService.Channels.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatService.Channels.BotFramework.Authentication;

/// <summary>
/// Checks the <c>Authorization</c> header of an inbound activity the way the Bot Framework requires:
/// a channel token (issuer, audience = app id, lifetime ± 5 min, RS256/384/512 signature by a key endorsed
/// for the activity's channel, <c>serviceurl</c> claim = the activity's serviceUrl) or an Emulator token
/// (Entra ID issuer, audience and app-id claim = app id). Without an app id, only token-less requests pass.
/// </summary>
public sealed class BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, SigningKeySource signingKeys)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var appId = options.Value.MicrosoftAppId;
        if (!options.Value.AuthenticationEnabled)
            return string.IsNullOrEmpty(authorizationHeader)
                ? AuthenticationResult.Anonymous
                : AuthenticationResult.Fail("A token was sent, but no MicrosoftAppId is configured to validate it against.");
        if (string.IsNullOrEmpty(authorizationHeader)) return AuthenticationResult.Fail("No Authorization header.");

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || !_handler.CanReadToken(parts[1]))
            return AuthenticationResult.Fail("The Authorization header is not a bearer JWT.");
        var token = parts[1];
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Fail("The bearer token cannot be read.");
        }

        return EmulatorTokens.IsEmulatorToken(jwt)
            ? await ValidateEmulatorAsync(token, jwt, appId, cancellationToken)
            : await ValidateChannelAsync(token, jwt, appId, activity, cancellationToken);
    }

    private async Task<AuthenticationResult> ValidateChannelAsync(string token, JsonWebToken jwt, string appId, Activity activity, CancellationToken cancellationToken)
    {
        var keys = await signingKeys.GetAsync(TokenIssuerKind.Channel, jwt.Kid, cancellationToken);
        var failure = await ValidateAsync(token, keys, [options.Value.ChannelTokenIssuer], appId);
        if (failure is not null) return AuthenticationResult.Fail(failure);

        if (jwt.Kid is null || !keys.Endorsements.TryGetValue(jwt.Kid, out var endorsements))
            return AuthenticationResult.Fail($"The signing key '{jwt.Kid}' carries no endorsements.");
        if (!string.IsNullOrEmpty(activity.ChannelId) && !endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
            return AuthenticationResult.Fail($"The signing key is not endorsed for channel '{activity.ChannelId}'.");

        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
            return AuthenticationResult.Fail("The token has no serviceurl claim.");
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Fail("The token's serviceurl claim does not match the activity's serviceUrl.");
        return AuthenticationResult.Validated(CallerIds.PublicAzureChannel);
    }

    private async Task<AuthenticationResult> ValidateEmulatorAsync(string token, JsonWebToken jwt, string appId, CancellationToken cancellationToken)
    {
        var keys = await signingKeys.GetAsync(TokenIssuerKind.Emulator, jwt.Kid, cancellationToken);
        var failure = await ValidateAsync(token, keys, EmulatorTokens.ValidIssuers(jwt), appId);
        if (failure is not null) return AuthenticationResult.Fail(failure);
        if (!string.Equals(EmulatorTokens.AppId(jwt), appId, StringComparison.Ordinal))
            return AuthenticationResult.Fail("The Emulator token's ver/appid/azp claims do not name this bot.");
        return AuthenticationResult.Validated(CallerIds.PublicAzureChannel);
    }

    private async Task<string?> ValidateAsync(string token, SigningKeySet keys, string[] issuers, string appId)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = appId,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? null : $"{result.Exception?.GetType().Name}: {result.Exception?.Message}";
    }
}
