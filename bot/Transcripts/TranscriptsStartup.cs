namespace ChatService.Transcripts;

/// <summary>Opens the store before the service takes traffic: a bad data directory or key stops the start with a clear message.</summary>
public sealed class TranscriptsStartup(ITranscriptStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
