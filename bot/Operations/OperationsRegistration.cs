using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatService.Operations;

/// <summary>
/// Registers the Operations room: health and readiness, metrics, request size and rate limits, CORS and
/// security headers. JSON console logs: set <c>Logging:Console:FormatterName</c> to <c>json</c>.
/// </summary>
public static class OperationsRegistration
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OperationsOptions>(configuration.GetSection(OperationsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<OperationsOptions>>(
            (kestrel, operations) => kestrel.Limits.MaxRequestBodySize = operations.Value.MaxRequestBodyBytes);
        services.AddHealthChecks();
        services.AddOperationsMetrics();
        services.AddOperationsRateLimiter();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<OperationsOptions>>((cors, operations) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(operations.Value.Cors.AllowedOrigins)
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("Retry-After")));
        return services;
    }

    /// <summary>The request middleware, in order; call before the other rooms map their endpoints.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseOperationsForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ErrorBodyMiddleware>();
        app.UseRouting();
        app.UseCors();
        app.UseMiddleware<ConversationScopeMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        return app;
    }
}
