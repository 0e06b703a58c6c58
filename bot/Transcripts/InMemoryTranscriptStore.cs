using System.Collections.Concurrent;
using ChatService.Channels.Protocol;

namespace ChatService.Transcripts;

/// <summary>Placeholder store kept in memory until the durable SQLite store lands.</summary>
public sealed class InMemoryTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentQueue<(Activity Activity, TranscriptDirection Direction)> _log = new();

    public IReadOnlyList<(Activity Activity, TranscriptDirection Direction)> Entries => _log.ToArray();

    public Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default)
    {
        _log.Enqueue((ProtocolJson.Clone(activity), direction));
        return Task.CompletedTask;
    }
}
