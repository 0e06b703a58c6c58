using System.Diagnostics;
using System.Text.Json;

namespace ChatService.Tests.Operations;

/// <summary>Starts the built service as its own process to see what an operator sees on the console.</summary>
public sealed class JsonConsoleLoggingTests
{
    [Fact]
    public async Task Console_FormatterNameJson_EveryLineIsAJsonObject()
    {
        var dataDirectory = KestrelHost.NewDataDirectory();
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ChatService__Storage__DataDirectory"] = dataDirectory,
                ["ChatService__Staff__InitialAdmin__Password"] = KestrelHost.AdminPassword,
                ["ChatService__Logging__Console__FormatterName"] = "json",
                ["ChatService__Logging__Console__FormatterOptions__JsonWriterOptions__Indented"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Now listening on")) break;
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }

        Assert.Contains(lines, l => l.Contains("Now listening on"));
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
        }
    }
}
