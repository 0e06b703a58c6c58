using System.Text.Json;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Dialogs.State;

/// <summary>Loads and saves <see cref="ConversationData"/> with optimistic concurrency (the ETag read is the one written against).</summary>
public sealed class ConversationDataStore(IStateStore store, IOptions<StateOptions> options)
{
    public sealed record Loaded(ConversationData Data, string? ETag);

    public async Task<Loaded> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var item = await store.ReadAsync(StateKeys.Conversation(conversationId), cancellationToken);
        return item is null
            ? new Loaded(new ConversationData(), "*")
            : new Loaded(JsonSerializer.Deserialize<ConversationData>(item.Value) ?? new ConversationData(), item.ETag);
    }

    public Task SaveAsync(string conversationId, Loaded loaded, CancellationToken cancellationToken) =>
        store.WriteAsync(StateKeys.Conversation(conversationId), JsonSerializer.Serialize(loaded.Data), loaded.ETag,
            options.Value.ConversationTimeToLive, cancellationToken);
}
