using ChatService.Hosting;
using ChatService.Transcripts.Masking;
using ChatService.Transcripts.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatService.Transcripts;

/// <summary>Registers the Transcripts room: the SQLite store (default), masking, encryption, health, the review API.</summary>
public static class TranscriptsRegistration
{
    public const string DatabaseFileName = "transcripts.db";

    public static IServiceCollection AddTranscripts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TranscriptsOptions.Section);
        services.Configure<TranscriptsOptions>(section);
        services.AddSingleton<PiiMasker>();
        services.AddSingleton(sp => TranscriptEncryption.FromOptions(sp.GetRequiredService<IOptions<TranscriptsOptions>>().Value)!);
        services.AddSingleton(sp => new TranscriptEntryFactory(
            sp.GetRequiredService<PiiMasker>(), sp.GetService<TranscriptEncryption>(), sp.GetRequiredService<TimeProvider>()));
        var store = section["Store"] ?? "sqlite";
        if (store.Equals("memory", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<ITranscriptStore, InMemoryTranscriptStore>();
        else if (store.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<ITranscriptStore>(CreateSqliteStore);
        else
            throw new InvalidOperationException($"Transcripts:Store '{store}' is unknown: use 'sqlite' or 'memory'.");
        services.AddHostedService<TranscriptsStartup>();
        services.AddHealthChecks().AddCheck<TranscriptsHealthCheck>(TranscriptsHealthCheck.Name);
        return services;
    }

    public static WebApplication MapTranscripts(this WebApplication app)
    {
        app.MapTranscriptsApi();
        return app;
    }

    private static SqliteTranscriptStore CreateSqliteStore(IServiceProvider sp)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var directory = ContentPaths.Resolve(sp.GetRequiredService<IHostEnvironment>(), configuration["Storage:DataDirectory"] ?? "data");
        return new SqliteTranscriptStore(
            Path.Combine(directory, DatabaseFileName),
            sp.GetRequiredService<TranscriptEntryFactory>(),
            sp.GetRequiredService<IOptions<TranscriptsOptions>>().Value.MaxBatchSize,
            sp.GetRequiredService<ILogger<SqliteTranscriptStore>>());
    }
}
