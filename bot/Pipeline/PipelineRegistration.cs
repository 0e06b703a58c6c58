using ChatService.Operations;
using ChatService.Transcripts;

namespace ChatService.Pipeline;

/// <summary>Registers the turn pipeline. The middleware order of every turn is declared here, and only here.</summary>
public static class PipelineRegistration
{
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PipelineOptions>(configuration.GetSection(PipelineOptions.Section));
        services.AddSingleton<TurnDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnDrain>());
        services.AddSingleton<TranscriptMiddleware>();
        services.AddSingleton<TypingMiddleware>();
        services.AddSingleton(sp => new MiddlewareSet(
        [
            sp.GetRequiredService<TranscriptMiddleware>(), // 1. every activity in and out is durably logged
            sp.GetRequiredService<MetricsMiddleware>(),    //    turn count, latency, errors per channel
            sp.GetRequiredService<TypingMiddleware>(),     // 2. slow turns show "typing…"
        ]));
        services.AddSingleton<TurnRunner>();
        return services;
    }
}
