using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatService.State;

/// <summary>Per-conversation turn lock for a single instance.</summary>
public sealed class InMemoryConversationLock(IOptions<StateOptions> options) : IConversationLock
{
    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        Gate gate;
        lock (_gates)
        {
            gate = _gates.GetOrAdd(conversationId, _ => new Gate());
            gate.Users++;
        }
        try
        {
            if (!await gate.Semaphore.WaitAsync(options.Value.LockWait, cancellationToken))
                throw new ConversationBusyException(conversationId);
        }
        catch
        {
            Leave(conversationId, gate);
            throw;
        }
        return new Release(this, conversationId, gate);
    }

    private void Leave(string conversationId, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0) _gates.TryRemove(conversationId, out _);
        }
    }

    private sealed class Release(InMemoryConversationLock owner, string conversationId, Gate gate) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(conversationId, gate);
            }
            return ValueTask.CompletedTask;
        }
    }
}
