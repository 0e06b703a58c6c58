namespace ChatService.Operations;

/// <summary>The <c>Operations</c> section: request limits, rate limits, CORS, security headers, metrics.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>Largest accepted request body; bigger bodies get 413 with a JSON error.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Reverse proxies (IP addresses) whose X-Forwarded-For/-Proto headers are believed. Set this behind a proxy,
    /// or every client shares the proxy's IP rate limit and loopback metrics access. Empty = no proxy.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    public CorsSettings Cors { get; set; } = new();

    public RateLimitSettings RateLimits { get; set; } = new();

    public SecurityHeaderSettings SecurityHeaders { get; set; } = new();

    public MetricsSettings Metrics { get; set; } = new();
}

/// <summary>Cross-origin callers (e.g. a Web Chat page hosted elsewhere). Empty = same-origin only.</summary>
public sealed class CorsSettings
{
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>The two request rate limits: per client IP, and per conversation for posted activities.</summary>
public sealed class RateLimitSettings
{
    public WindowLimit PerIp { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Path prefixes not limited per IP (appsettings lists /api/messages: it comes from Azure's shared relays, so it is limited per conversation instead).</summary>
    public string[] PerIpExcludedPaths { get; set; } = [];

    public WindowLimit PerConversation { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromSeconds(30) };

    /// <summary>Password sign-in attempts (login form, token API) per client IP, on top of the per-account lockout.</summary>
    public WindowLimit SignIn { get; set; } = new() { Kind = "Fixed", PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>One window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    /// <summary><c>Fixed</c> or <c>Sliding</c>.</summary>
    public string Kind { get; set; } = "Sliding";

    public int PermitLimit { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Segments of a sliding window.</summary>
    public int SegmentsPerWindow { get; set; } = 6;
}

/// <summary>Headers sent with every response.</summary>
public sealed class SecurityHeaderSettings
{
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public string PermissionsPolicy { get; set; } = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary>Strict-Transport-Security max-age, sent on HTTPS requests only.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}

/// <summary>Metrics: who may scrape <c>/metrics</c> and what counts as an active conversation.</summary>
public sealed class MetricsSettings
{
    /// <summary>Scrapes from loopback (a Prometheus agent on the same host) need no sign-in; others need the admin role.</summary>
    public bool AllowLoopback { get; set; } = true;

    /// <summary>A conversation with a turn within this window counts as active.</summary>
    public TimeSpan ActiveConversationWindow { get; set; } = TimeSpan.FromMinutes(30);
}
