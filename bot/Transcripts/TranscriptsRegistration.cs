namespace ChatService.Transcripts;

/// <summary>Registers the Transcripts room.</summary>
public static class TranscriptsRegistration
{
    public static IServiceCollection AddTranscripts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ITranscriptStore, InMemoryTranscriptStore>();
        return services;
    }
}
