namespace ChatService.Channels.DirectLine;

/// <summary>The <c>DirectLine</c> section: our own Direct Line 3.0 server for Web Chat and DirectLineJS.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The master key: mints tokens and opens any conversation. Also the root of the token-signing key.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a conversation token is valid (DirectLineJS refreshes after half of 30 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may wait before the WebSocket is opened (the protocol says 60 s).</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An empty frame is sent on an idle WebSocket this often, so proxies and clients see it alive.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest accepted activity body in bytes (Direct Line documents 256K characters).</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>A client sending more WebSocket frames than this per minute is disconnected (DirectLineJS pings 3 times a minute).</summary>
    public int MaxClientFramesPerMinute { get; set; } = 60;

    /// <summary>Public base address (e.g. https://chat.example.com) when behind a proxy; empty = taken from the request.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The bot's account id in Direct Line conversations.</summary>
    public string BotId { get; set; } = "chatservice-bot";

    public DirectLineUploadOptions Upload { get; set; } = new();
}

/// <summary>The <c>DirectLine:Upload</c> section: files customers attach in Web Chat.</summary>
public sealed class DirectLineUploadOptions
{
    public static readonly string[] DefaultContentTypes =
        ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];

    /// <summary>Largest accepted file in bytes.</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>Accepted file content types; when unset, <see cref="DefaultContentTypes"/>.</summary>
    public string[]? AllowedContentTypes { get; set; }

    public IReadOnlyList<string> EffectiveContentTypes => AllowedContentTypes is { Length: > 0 } t ? t : DefaultContentTypes;
}
