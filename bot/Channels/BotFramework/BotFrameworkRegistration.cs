using ChatService.Channels.BotFramework.Authentication;
using ChatService.Channels.BotFramework.Connector;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.BotFramework;

/// <summary>Registers the Bot Framework channel: <c>/api/messages</c>, token validation and the Connector client.</summary>
public static class BotFrameworkRegistration
{
    public const string ConnectorClient = "BotFramework.Connector";
    public const string LoginClient = "BotFramework.Login";
    public const string MetadataClient = "BotFramework.Metadata";

    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotFrameworkOptions>(configuration.GetSection(BotFrameworkOptions.Section));
        services.AddTransient<TransientRetryHandler>();
        services.AddHttpClient(ConnectorClient, ConfigureTimeout).AddHttpMessageHandler<TransientRetryHandler>();
        services.AddHttpClient(LoginClient, ConfigureTimeout).AddHttpMessageHandler<TransientRetryHandler>();
        services.AddHttpClient(MetadataClient, ConfigureTimeout);

        services.AddSingleton<SigningKeySource>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ConnectorSenders>();
        services.AddSingleton<IChannelSenderSource>(sp => sp.GetRequiredService<ConnectorSenders>());
        services.AddSingleton<MessagesEndpoint>();
        return services;
    }

    public static WebApplication MapBotFramework(this WebApplication app)
    {
        // Channel tokens are checked by MessagesEndpoint itself, never by an app-wide authentication scheme.
        app.MapPost("/api/messages", (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context))
            .AllowAnonymous();
        app.MapMethods("/api/messages", ["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"], ErrorResponses.MethodNotAllowedAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static void ConfigureTimeout(IServiceProvider services, HttpClient http) =>
        http.Timeout = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ConnectorTimeout;
}
