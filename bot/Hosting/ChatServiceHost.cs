using ChatService.Backends;
using ChatService.Channels;
using ChatService.Channels.BotFramework;
using ChatService.Channels.DirectLine;
using ChatService.Channels.WebChat;
using ChatService.Dialogs;
using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Editing;
using ChatService.Nlu;
using ChatService.Operations;
using ChatService.Pipeline;
using ChatService.Staff;
using ChatService.State;
using ChatService.Transcripts;

namespace ChatService.Hosting;

/// <summary>Builds the host: configuration sources, the rooms, the endpoints.</summary>
public static class ChatServiceHost
{
    public const string EnvironmentPrefix = "ChatService__";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var contentRoot = ContentPaths.FindContentRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
            WebRootPath = ContentPaths.FindWebRoot(contentRoot),
        });
        // appsettings.json, appsettings.{Environment}.json and plain environment variables come with the
        // default builder; ChatService__Section__Key variables override them all.
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls("http://localhost:5080");
        return builder;
    }

    public static WebApplicationBuilder AddRooms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddState(configuration);
        services.AddBackends(configuration);
        services.AddTranscripts(configuration);
        services.AddPipeline(configuration);
        services.AddKnowledgeBase(configuration);
        services.AddNlu(configuration);
        services.AddDialogs(configuration);
        services.AddChannels(configuration);
        services.AddBotFramework(configuration);
        services.AddDirectLine(configuration);
        services.AddWebChat(configuration);
        services.AddStaff(configuration);
        services.AddOperations(configuration);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapRooms(this WebApplication app)
    {
        DataDirectory.EnsureWritable(app);
        app.UseOperations(); // security headers, JSON errors, routing, CORS, log scope, rate limits
        app.UseState();      // fail fast on an unreachable Redis
        app.UseStaff();      // authentication, authorization, antiforgery
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapOperations();
        app.MapStaff();
        app.MapChannels();
        app.MapBotFramework();
        app.MapDirectLine();
        app.MapWebChat();
        app.MapTranscripts();
        app.MapKnowledgeBaseEditor();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                app.Logger.LogInformation("ChatService is running. Chat page: {Url}/", url.TrimEnd('/'));
        });
        return app;
    }
}
