using ChatService.Staff;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>Maps the editor API under <c>/api/kb</c> and the editor page under <c>/staff/kb</c>, both for editors (admins pass).</summary>
public static class KbEditorEndpoints
{
    private static readonly Dictionary<string, string> PageFiles = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["kb.js"] = "text/javascript; charset=utf-8",
        ["kb.css"] = "text/css; charset=utf-8",
    };

    public static WebApplication MapKnowledgeBaseEditor(this WebApplication app)
    {
        var api = app.MapGroup("/api/kb").RequireAuthorization(StaffRoles.Editor).AddEndpointFilter(KbHttp.RequireEditorHeader);
        KbEntryEndpoints.Map(api);
        KbToolEndpoints.Map(api);
        KbInboxEndpoints.Map(api);

        // The page's files are served only to editors, and only these three names (no directory browsing).
        var page = app.MapGroup("/staff/kb").RequireAuthorization(StaffRoles.Editor);
        page.MapGet("/", (IWebHostEnvironment environment) => PageFile(environment, "index.html"));
        page.MapGet("/{file}", (IWebHostEnvironment environment, string file) => PageFile(environment, file));
        return app;
    }

    private static IResult PageFile(IWebHostEnvironment environment, string file)
    {
        if (!PageFiles.TryGetValue(file, out var contentType)) return Results.NotFound();
        var info = environment.WebRootFileProvider.GetFileInfo($"staff/kb/{file}");
        if (!info.Exists || info.PhysicalPath is null) return Results.NotFound();
        return Results.File(info.PhysicalPath, contentType);
    }
}
