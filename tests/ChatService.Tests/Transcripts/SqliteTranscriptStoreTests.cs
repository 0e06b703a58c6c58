using ChatService.Transcripts;

namespace ChatService.Tests.Transcripts;

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<ITranscriptStore> CreateStoreAsync() => await _directory.OpenStoreAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
