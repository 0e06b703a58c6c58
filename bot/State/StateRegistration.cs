using ChatService.State.Redis;

namespace ChatService.State;

/// <summary>Registers the State room: in-memory by default, Redis when <c>ConnectionStrings:Redis</c> is set.</summary>
public static class StateRegistration
{
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StateOptions>(configuration.GetSection(StateOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<StateHealthCheck>(StateHealthCheck.Name);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IStateStore, InMemoryStateStore>();
            services.AddSingleton<IConversationLock, InMemoryConversationLock>();
            services.AddSingleton<IActivityStreamStore, InMemoryActivityStreamStore>();
        }
        else
        {
            services.AddSingleton(sp => new RedisConnection(redis, sp.GetRequiredService<ILogger<RedisConnection>>()));
            services.AddSingleton<RedisStreamNotifications>();
            services.AddSingleton<IStateStore, RedisStateStore>();
            services.AddSingleton<IConversationLock, RedisConversationLock>();
            services.AddSingleton<IActivityStreamStore, RedisActivityStreamStore>();
            services.AddSingleton<ISharedBlobStore, RedisBlobStore>();
        }
        return services;
    }
}
