using System.Net.Mime;
using ChatService.Channels.DirectLine;
using Microsoft.Extensions.FileProviders;

namespace ChatService.Channels.WebChat;

/// <summary>The page at <c>/</c>, its static files, and <c>POST /api/webchat/token</c>, which mints a Direct Line token server-side.</summary>
public static class WebChatRegistration
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebChatOptions>(configuration.GetSection(WebChatOptions.Section));
        services.AddSingleton<TokenRequestLimiter>();
        services.AddSingleton<WebChatPage>();
        return services;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        ServeFolder(app, "/lib", "lib");         // webchat.js, copied from npm by the build (never from a CDN)
        ServeFolder(app, "/webchat", "webchat"); // the page's own script and styles
        app.MapGet("/", (HttpContext httpContext, WebChatPage page) =>
        {
            WebChatPage.AddSecurityHeaders(httpContext.Response);
            return Results.Content(page.Render(), MediaTypeNames.Text.Html + "; charset=utf-8");
        });
        // Browsers ask for /favicon.ico whatever the page says; answer with the page's icon instead of a 404.
        app.MapGet("/favicon.ico", (IWebHostEnvironment environment) =>
            Results.File(Path.Combine(environment.WebRootPath, "webchat", "favicon.svg"), "image/svg+xml"));
        app.MapPost("/api/webchat/token", WebChatTokenEndpoint.IssueToken).AddEndpointFilter<DirectLineErrorFilter>();
        return app;
    }

    private static void ServeFolder(WebApplication app, string requestPath, string folder)
    {
        var path = Path.Combine(app.Environment.WebRootPath, folder);
        Directory.CreateDirectory(path);
        app.UseStaticFiles(new StaticFileOptions { RequestPath = requestPath, FileProvider = new PhysicalFileProvider(path) });
    }
}
