using System.Net;
using ChatService.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChatService.Operations;

/// <summary>
/// OpenTelemetry metrics with the Prometheus scrape endpoint at <c>/metrics</c>. Who may scrape: a caller on
/// loopback (a Prometheus agent on the same host; turned off with <c>Operations:Metrics:AllowLoopback=false</c>,
/// which you must do behind a same-host reverse proxy) or a signed-in staff member with the admin role.
/// </summary>
public static class MetricsEndpoint
{
    public const string Policy = "metrics";

    public static IServiceCollection AddOperationsMetrics(this IServiceCollection services)
    {
        services.AddSingleton<TurnMetrics>();
        services.AddSingleton<MetricsMiddleware>();
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("ChatService")).WithMetrics(metrics => metrics
            .AddMeter(TurnMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Authentication", "System.Runtime")
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(StaffSchemes.Staff)
            .RequireAssertion(context => IsLoopbackScrape(context) || context.User.IsInRole(StaffRoles.Admin)));
        return services;
    }

    public static void MapMetricsEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policy).DisableRateLimiting();

    private static bool IsLoopbackScrape(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && http.RequestServices.GetRequiredService<IOptions<OperationsOptions>>().Value.Metrics.AllowLoopback
        && IsLoopback(http);

    /// <summary>True for a direct loopback connection; a forwarded request (proxy headers) is not trusted as local.</summary>
    internal static bool IsLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
