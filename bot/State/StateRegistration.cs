namespace ChatService.State;

/// <summary>Registers the State room: in-memory by default, Redis when <c>ConnectionStrings:Redis</c> is set.</summary>
public static class StateRegistration
{
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StateOptions>(configuration.GetSection(StateOptions.Section));
        services.AddSingleton(TimeProvider.System);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IStateStore, InMemoryStateStore>();
            services.AddSingleton<IConversationLock, InMemoryConversationLock>();
            services.AddSingleton<IActivityStreamStore, InMemoryActivityStreamStore>();
        }
        else
        {
            throw new InvalidOperationException("Redis state is not implemented yet.");
        }
        return services;
    }
}
