using ChatService.Pipeline;

namespace ChatService.Channels;

/// <summary>Registers the Channels room: /api/messages, the Direct Line server, the web chat page.</summary>
public static class ChannelsRegistration
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IChannelSenderResolver, ChannelSenderResolver>();
        return services;
    }

    public static WebApplication MapChannels(this WebApplication app)
    {
        return app;
    }
}
