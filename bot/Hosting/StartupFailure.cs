namespace ChatService.Hosting;

/// <summary>The service cannot start (a configured store is unreachable, the data folder is not writable).</summary>
public sealed class StartupException(string message) : Exception(message);

/// <summary>
/// Stops the start with one clear line: logged as critical and, when nothing else handles it (a real process, not a
/// test host), the process exits with code 1 instead of printing a stack trace.
/// </summary>
public static class StartupFailure
{
    public static StartupException Stop(WebApplication app, string message)
    {
        var failure = new StartupException(message);
        app.Logger.LogCritical("{Message}", message);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (!ReferenceEquals(e.ExceptionObject, failure)) return;
            foreach (var provider in app.Services.GetServices<ILoggerProvider>()) provider.Dispose(); // flush the message
            Environment.Exit(1);
        };
        return failure;
    }
}
