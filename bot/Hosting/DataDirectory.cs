namespace ChatService.Hosting;

/// <summary>The one check of <c>Storage:DataDirectory</c>, before any room opens a file in it.</summary>
public static class DataDirectory
{
    public const string Key = "Storage:DataDirectory";

    public static string Path(IHostEnvironment environment, IConfiguration configuration) =>
        ContentPaths.Resolve(environment, configuration[Key] is { Length: > 0 } configured ? configured : "data");

    /// <summary>Creates the folder if needed and proves it accepts a file; otherwise the service refuses to start.</summary>
    public static void EnsureWritable(WebApplication app)
    {
        var path = Path(app.Environment, app.Configuration);
        try
        {
            Directory.CreateDirectory(path);
            var probe = System.IO.Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StartupFailure.Stop(app,
                $"ChatService cannot start: the data directory {path} ({Key}) is not writable: {ex.Message}");
        }
    }
}
