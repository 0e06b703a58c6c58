namespace ChatService.Channels.BotFramework;

/// <summary>
/// The <c>BotFramework</c> section: the bot's Azure identity and the public-cloud endpoints used to check
/// inbound tokens and obtain outbound ones. Leave <see cref="MicrosoftAppId"/> empty for local development
/// with the Emulator (no authentication either way).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    /// <summary>The bot's Microsoft App ID; inbound tokens must be issued for it. Empty = authentication off.</summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The app's client secret, used to obtain Connector tokens.</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>Tenant of a single-tenant bot; empty = multi-tenant (<c>botframework.com</c>).</summary>
    public string MicrosoftAppTenantId { get; set; } = "";

    /// <summary>OpenID metadata of the Bot Framework channel token issuer.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Entra ID, which signs the Emulator's tokens.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Issuer of channel tokens.</summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Token endpoint for Connector calls; <c>{tenant}</c> becomes the tenant id or <c>botframework.com</c>.</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>Scope requested for Connector tokens.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Largest accepted <c>/api/messages</c> body; larger ones get 413. Direct Line allows 256K characters per
    /// activity; in Chinese (3 bytes a character in UTF-8) a long message needs about twice 256 KB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>Time limit of one Connector call, retries included.</summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of a Connector call answered 429 or 5xx.</summary>
    public int ConnectorRetries { get; set; } = 2;

    internal bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    internal string TokenEndpoint => ToChannelFromBotLoginUrl.Replace(
        "{tenant}", string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? "botframework.com" : MicrosoftAppTenantId, StringComparison.Ordinal);
}
