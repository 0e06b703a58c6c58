using ChatService.State;

namespace ChatService.Tests.State;

/// <summary>What every <see cref="IConversationLock"/> must do; run against each implementation.</summary>
public abstract class ConversationLockContract
{
    /// <summary>Locks of <paramref name="count"/> service instances sharing one backend (in memory: one lock).</summary>
    protected abstract IConversationLock[] Instances(int count, StateOptions options);

    protected static string NewConversation() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AcquireAsync_TurnsFromTwoInstances_NeverOverlap()
    {
        var locks = Instances(2, new StateOptions { LockLease = TimeSpan.FromSeconds(5), LockWait = TimeSpan.FromSeconds(30) });
        var conversationId = NewConversation();
        var inside = 0;
        var overlaps = 0;
        var counter = 0;

        async Task TurnAsync(IConversationLock conversationLock)
        {
            await using var held = await conversationLock.AcquireAsync(conversationId);
            if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref overlaps);
            var read = counter;
            await Task.Yield();
            await Task.Delay(1);
            counter = read + 1; // a lost update here means two turns ran at once
            Interlocked.Decrement(ref inside);
        }

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => TurnAsync(locks[i % 2]))));

        Assert.Equal(0, overlaps);
        Assert.Equal(30, counter);
    }

    [Fact]
    public async Task AcquireAsync_WhileAnotherInstanceHoldsItPastLockWait_ThrowsTimeout()
    {
        var locks = Instances(2, new StateOptions { LockLease = TimeSpan.FromSeconds(5), LockWait = TimeSpan.FromMilliseconds(300) });
        var conversationId = NewConversation();
        await using var held = await locks[0].AcquireAsync(conversationId);

        await Assert.ThrowsAsync<ConversationBusyException>(() => locks[1].AcquireAsync(conversationId));
    }

    [Fact]
    public async Task AcquireAsync_TurnLongerThanTheLease_StaysExclusiveWhileHeld()
    {
        // The holder renews its lease, so a long turn keeps the lock well past LockLease.
        // Lease and wait are long enough that a busy CI machine delaying one renewal does not read as a lost lease.
        var locks = Instances(2, new StateOptions { LockLease = TimeSpan.FromSeconds(2), LockWait = TimeSpan.FromSeconds(5) });
        var conversationId = NewConversation();
        await using var held = await locks[0].AcquireAsync(conversationId);

        await Assert.ThrowsAsync<ConversationBusyException>(() => locks[1].AcquireAsync(conversationId));
    }

    [Fact]
    public async Task AcquireAsync_AfterRelease_OtherInstanceGetsIt()
    {
        var locks = Instances(2, new StateOptions { LockLease = TimeSpan.FromSeconds(30), LockWait = TimeSpan.FromSeconds(10) });
        var conversationId = NewConversation();
        var first = await locks[0].AcquireAsync(conversationId);
        var waiting = locks[1].AcquireAsync(conversationId);
        Assert.False(waiting.IsCompleted);

        await first.DisposeAsync();
        await first.DisposeAsync(); // releasing twice is harmless

        await using var second = await waiting;
    }

    [Fact]
    public async Task AcquireAsync_OtherConversation_IsNotBlocked()
    {
        var locks = Instances(2, new StateOptions { LockLease = TimeSpan.FromSeconds(30), LockWait = TimeSpan.FromSeconds(5) });
        await using var held = await locks[0].AcquireAsync(NewConversation());

        await using var other = await locks[1].AcquireAsync(NewConversation());
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ThrowsAndLeavesTheLockUsable()
    {
        var locks = Instances(2, new StateOptions { LockLease = TimeSpan.FromSeconds(30), LockWait = TimeSpan.FromSeconds(30) });
        var conversationId = NewConversation();
        var held = await locks[0].AcquireAsync(conversationId);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => locks[1].AcquireAsync(conversationId, cancel.Token));

        await held.DisposeAsync();
        await using var again = await locks[1].AcquireAsync(conversationId);
    }
}
