using ChatService.Transcripts;

namespace ChatService.Tests.Transcripts;

public sealed class InMemoryTranscriptStoreTests : TranscriptStoreContract
{
    protected override Task<ITranscriptStore> CreateStoreAsync() => Task.FromResult<ITranscriptStore>(new InMemoryTranscriptStore());
}
