using ChatService.State;
using Microsoft.Extensions.Options;
using ChatService.Pipeline;

namespace ChatService.Channels.DirectLine;

/// <summary>Registers our Direct Line 3.0 server and maps it under <c>/v3/directline</c>.</summary>
public static class DirectLineRegistration
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Secret), "DirectLine:Secret must be set (it signs the Direct Line tokens).")
            .Validate(o => o.TokenLifetime > TimeSpan.FromMinutes(16), "DirectLine:TokenLifetime must exceed 16 minutes (DirectLineJS refreshes every 15).")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuth>();
        services.AddSingleton<DirectLineUrls>();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineStream>();
        services.AddSingleton<DirectLineChannel>();
        services.AddSingleton<IChannelSenderSource>(sp => sp.GetRequiredService<DirectLineChannel>());
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineIntake>();
        services.AddSingleton<StreamSession>();
        services.AddSingleton<ClientFrameWatcher>();
        services.AddSingleton<StreamConnections>();
        services.AddSingleton<DiskUploadStore>();
        services.AddSingleton<IUploadStore>(sp => sp.GetService<ISharedBlobStore>() is { } shared
            ? new SharedUploadStore(shared, sp.GetRequiredService<IOptions<StateOptions>>())
            : sp.GetRequiredService<DiskUploadStore>());
        services.AddSingleton<UploadReader>();
        services.AddHostedService<UploadCleanup>();
        return services;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        var directLine = app.MapGroup(DirectLineUrls.BasePath).AddEndpointFilter<DirectLineErrorFilter>();
        directLine.MapPost("/tokens/generate", TokenEndpoints.Generate);
        directLine.MapPost("/tokens/refresh", TokenEndpoints.Refresh);
        directLine.MapPost("/conversations", ConversationEndpoints.Start);
        directLine.MapGet("/conversations/{conversationId}", ConversationEndpoints.Reconnect);
        directLine.MapGet("/conversations/{conversationId}/activities", ActivityEndpoints.Get);
        directLine.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.Post);
        directLine.MapPost("/conversations/{conversationId}/upload", UploadEndpoints.Upload);
        directLine.MapGet("/conversations/{conversationId}/files/{fileId}", UploadEndpoints.Download);
        directLine.MapGet("/conversations/{conversationId}/stream", StreamEndpoint.Connect);
        // Only OAuth sign-in cards use a session id; we have none (DirectLineJS treats "" as "no session").
        directLine.MapGet("/session/getsessionid", () => Results.Json(new { sessionId = "" }));
        return app;
    }
}
