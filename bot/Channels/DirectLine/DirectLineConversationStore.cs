using System.Text.Json;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>Reads and writes <see cref="DirectLineConversation"/> records in the shared state store.</summary>
public sealed class DirectLineConversationStore(IStateStore store, IOptions<StateOptions> stateOptions)
{
    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var item = await store.ReadAsync(StateKeys.DirectLineConversation(conversationId), cancellationToken);
        return item is null ? null : JsonSerializer.Deserialize<DirectLineConversation>(item.Value);
    }

    public Task CreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        store.WriteAsync(StateKeys.DirectLineConversation(conversation.ConversationId), JsonSerializer.Serialize(conversation), "*",
            stateOptions.Value.ConversationTimeToLive, cancellationToken);

    /// <summary>Marks the conversation started; true only for the one caller that flipped it (so the bot is told once).</summary>
    public async Task<bool> TryMarkStartedAsync(string conversationId, string? locale, CancellationToken cancellationToken)
    {
        var key = StateKeys.DirectLineConversation(conversationId);
        var item = await store.ReadAsync(key, cancellationToken);
        if (item is null) return false;
        var conversation = JsonSerializer.Deserialize<DirectLineConversation>(item.Value)!;
        if (conversation.Started) return false;
        var started = conversation with { Started = true, Locale = locale ?? conversation.Locale };
        try
        {
            await store.WriteAsync(key, JsonSerializer.Serialize(started), item.ETag, stateOptions.Value.ConversationTimeToLive, cancellationToken);
            return true;
        }
        catch (ETagConflictException)
        {
            return false; // a concurrent start won
        }
    }
}
