namespace ChatService.Hosting;

/// <summary>
/// Where the service finds its files. Run from a checkout, the content root is the repository root (the
/// folder holding ChatService.sln, appsettings.json, nlu-models/, knowledge-base/); published, it is the
/// application folder.
/// </summary>
public static class ContentPaths
{
    public static string FindContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatService.sln"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }

    public static string FindWebRoot(string contentRoot)
    {
        var checkout = Path.Combine(contentRoot, "bot", "wwwroot");
        return Directory.Exists(checkout) ? checkout : Path.Combine(contentRoot, "wwwroot");
    }

    /// <summary>Resolves a configured path against the content root unless it is already absolute.</summary>
    public static string Resolve(IHostEnvironment environment, string path) => Resolve(environment.ContentRootPath, path);

    /// <summary>Resolves a path against <paramref name="contentRoot"/> unless it is already absolute.</summary>
    public static string Resolve(string contentRoot, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}
