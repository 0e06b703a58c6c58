using ChatService.State;

namespace ChatService.Tests.State;

/// <summary>What every <see cref="IActivityStreamStore"/> must do; run against each implementation.</summary>
public abstract class ActivityStreamStoreContract
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>A stream store of another service instance sharing the same backend (in memory: the same store).</summary>
    protected abstract IActivityStreamStore Instance(int number);

    private static string NewStream() => StateKeys.DirectLineStream(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AppendAsync_GivesDenseSequenceFromZero()
    {
        var streamId = NewStream();

        long[] sequences = [await Instance(0).AppendAsync(streamId, "a", Day), await Instance(1).AppendAsync(streamId, "b", Day), await Instance(0).AppendAsync(streamId, "c", Day)];

        Assert.Equal([0L, 1L, 2L], sequences);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentlyFromTwoInstances_SequenceStaysDenseAndComplete()
    {
        var streamId = NewStream();

        var appended = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(async () => (Sequence: await Instance(i % 2).AppendAsync(streamId, $"m{i}", Day), Payload: $"m{i}"))));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), appended.Select(a => a.Sequence).Order());
        var entries = await Instance(1).ReadAfterAsync(streamId, null, 1000);
        Assert.Equal(appended.OrderBy(a => a.Sequence).Select(a => new StreamEntry(a.Sequence, a.Payload)), entries);
    }

    [Fact]
    public async Task ReadAfterAsync_ReturnsOnlyLaterEntriesInOrderUpToMaxCount()
    {
        var streamId = NewStream();
        foreach (var payload in new[] { "零", "一", "二", "三", "四" }) await Instance(0).AppendAsync(streamId, payload, Day);
        var store = Instance(1);

        Assert.Equal(["零", "一", "二", "三", "四"], (await store.ReadAfterAsync(streamId, null, 100)).Select(e => e.Payload));
        Assert.Equal([new StreamEntry(2, "二"), new StreamEntry(3, "三")], await store.ReadAfterAsync(streamId, 1, 2));
        Assert.Equal([new StreamEntry(4, "四")], await store.ReadAfterAsync(streamId, 3, 100));
        Assert.Empty(await store.ReadAfterAsync(streamId, 4, 100));
        Assert.Empty(await store.ReadAfterAsync(streamId, 1000, 100));
        Assert.Empty(await store.ReadAfterAsync(streamId, null, 0));
        Assert.Empty(await store.ReadAfterAsync(NewStream(), null, 100));
    }

    [Fact]
    public async Task Subscribe_OnAnotherInstance_HearsEveryAppend()
    {
        var streamId = NewStream();
        var heard = new List<long>();
        var allHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Instance(1).Subscribe(streamId, sequence =>
        {
            lock (heard)
            {
                heard.Add(sequence);
                if (heard.Count == 3) allHeard.TrySetResult();
            }
        });

        for (var i = 0; i < 3; i++) await Instance(0).AppendAsync(streamId, $"m{i}", Day);

        await allHeard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([0L, 1L, 2L], heard.Order());
    }

    [Fact]
    public async Task Subscribe_Disposed_StopsHearingWhileOthersStillHear()
    {
        var streamId = NewStream();
        var disposedHeard = 0;
        var stillHeard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var disposed = Instance(1).Subscribe(streamId, _ => Interlocked.Increment(ref disposedHeard));
        using var still = Instance(1).Subscribe(streamId, sequence => stillHeard.TrySetResult(sequence));
        disposed.Dispose();

        await Instance(0).AppendAsync(streamId, "m", Day);

        Assert.Equal(0L, await stillHeard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, Volatile.Read(ref disposedHeard));
    }

    [Fact]
    public async Task Subscribe_StreamDeletedAndStartedAgain_StillHears()
    {
        var streamId = NewStream();
        var heard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Instance(0).AppendAsync(streamId, "old", Day);
        using var subscription = Instance(1).Subscribe(streamId, sequence => heard.TrySetResult(sequence));

        await Instance(0).DeleteAsync(streamId);
        Assert.Empty(await Instance(1).ReadAfterAsync(streamId, null, 100));
        await Instance(0).AppendAsync(streamId, "new", Day);

        Assert.Equal(0L, await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([new StreamEntry(0, "new")], await Instance(1).ReadAfterAsync(streamId, null, 100));
    }

    [Fact]
    public async Task AppendAsync_WithShortTimeToLive_StreamExpiresWhenIdle()
    {
        var streamId = NewStream();
        await Instance(0).AppendAsync(streamId, "a", TimeSpan.FromMilliseconds(300));

        await Eventually.TrueAsync(async () => (await Instance(1).ReadAfterAsync(streamId, null, 10)).Count == 0, "the idle stream expires");

        Assert.Equal(0, await Instance(0).AppendAsync(streamId, "b", Day)); // an expired stream starts again at 0
    }

    [Fact]
    public async Task AppendAsync_RefreshesTheExpiryOfTheWholeStream()
    {
        var streamId = NewStream();
        await Instance(0).AppendAsync(streamId, "a", TimeSpan.FromSeconds(1));

        await Instance(1).AppendAsync(streamId, "b", Day);
        await Task.Delay(1500); // past the first append's time-to-live

        Assert.Equal(2, (await Instance(0).ReadAfterAsync(streamId, null, 10)).Count);
    }
}
