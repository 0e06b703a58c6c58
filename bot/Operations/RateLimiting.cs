using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatService.Operations;

/// <summary>
/// The global rate limiter: every request counts against its client IP, and every POST that belongs to a
/// conversation (Direct Line activities, /api/messages) also against that conversation. Rejections are 429
/// with <c>Retry-After</c> (seconds) and the JSON error body.
/// </summary>
public static partial class RateLimiting
{
    /// <summary>The policy password sign-in endpoints require (<c>.RequireRateLimiting(RateLimiting.SignInPolicy)</c>).</summary>
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddOperationsRateLimiter(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<OperationsOptions>>((options, operations) =>
        {
            var limits = operations.Value.RateLimits;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerIp(limits), PerConversation(limits));
            options.OnRejected = OnRejectedAsync;
            options.AddPolicy(SignInPolicy, context =>
                Partition("sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.SignIn));
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> PerIp(RateLimitSettings limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var path = context.Request.Path;
            if (limits.PerIpExcludedPaths.Any(excluded => path.StartsWithSegments(excluded, StringComparison.OrdinalIgnoreCase)))
                return RateLimitPartition.GetNoLimiter("ip:excluded");
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return Partition("ip:" + ip, limits.PerIp);
        });

    private static PartitionedRateLimiter<HttpContext> PerConversation(RateLimitSettings limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var conversationId = HttpMethods.IsPost(context.Request.Method) ? RequestConversation.Get(context) : null;
            return conversationId is null
                ? RateLimitPartition.GetNoLimiter("conversation:none")
                : Partition("conversation:" + conversationId, limits.PerConversation);
        });

    private static RateLimitPartition<string> Partition(string key, WindowLimit limit) =>
        string.Equals(limit.Kind, "Fixed", StringComparison.OrdinalIgnoreCase)
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit, Window = limit.Window, SegmentsPerWindow = Math.Max(1, limit.SegmentsPerWindow),
                QueueLimit = 0, AutoReplenishment = true,
            });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChatService.Operations.RateLimiting");
        LogRejected(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), RequestConversation.Get(context));
        await ErrorResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests",
            $"Too many requests. Retry after {seconds} s.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit hit: {Method} {Path} from {RemoteIp} (conversation {ConversationId})")]
    private static partial void LogRejected(ILogger logger, string method, string path, string? remoteIp, string? conversationId);
}
