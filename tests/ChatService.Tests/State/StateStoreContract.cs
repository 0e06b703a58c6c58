using ChatService.State;

namespace ChatService.Tests.State;

/// <summary>What every <see cref="IStateStore"/> must do; run against each implementation.</summary>
public abstract class StateStoreContract
{
    /// <summary>A store of another service instance sharing the same backend (in memory: the same store).</summary>
    protected abstract IStateStore Instance(int number);

    private static string NewKey() => StateKeys.Conversation(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ReadAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await Instance(0).ReadAsync(NewKey()));
    }

    [Fact]
    public async Task WriteAsync_ThenRead_ReturnsValueAndETagOnAnotherInstance()
    {
        var key = NewKey();
        var etag = await Instance(0).WriteAsync(key, "{\"text\":\"您好，理赔進度\"}", null);

        var item = await Instance(1).ReadAsync(key);

        Assert.Equal(new StoreItem("{\"text\":\"您好，理赔進度\"}", etag), item);
    }

    [Fact]
    public async Task WriteAsync_WithCurrentETag_ReplacesAndGivesNewETag()
    {
        var key = NewKey();
        var first = await Instance(0).WriteAsync(key, "1", null);

        var second = await Instance(1).WriteAsync(key, "2", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new StoreItem("2", second), await Instance(0).ReadAsync(key));
    }

    [Fact]
    public async Task WriteAsync_WithStaleETag_ThrowsConflictAndChangesNothing()
    {
        var key = NewKey();
        var stale = await Instance(0).WriteAsync(key, "1", null);
        var current = await Instance(1).WriteAsync(key, "2", stale);

        await Assert.ThrowsAsync<ETagConflictException>(() => Instance(0).WriteAsync(key, "3", stale));

        Assert.Equal(new StoreItem("2", current), await Instance(0).ReadAsync(key));
    }

    [Fact]
    public async Task WriteAsync_WithETagOfMissingKey_ThrowsConflict()
    {
        await Assert.ThrowsAsync<ETagConflictException>(() => Instance(0).WriteAsync(NewKey(), "1", "no-such-etag"));
    }

    [Fact]
    public async Task WriteAsync_CreateOnly_SucceedsOnceThenConflicts()
    {
        var key = NewKey();
        var etag = await Instance(0).WriteAsync(key, "first", "*");

        await Assert.ThrowsAsync<ETagConflictException>(() => Instance(1).WriteAsync(key, "second", "*"));

        Assert.Equal(new StoreItem("first", etag), await Instance(1).ReadAsync(key));
    }

    [Fact]
    public async Task WriteAsync_Unconditional_OverwritesWhateverIsThere()
    {
        var key = NewKey();
        await Instance(0).WriteAsync(key, "1", null);

        var etag = await Instance(1).WriteAsync(key, "2", null);

        Assert.Equal(new StoreItem("2", etag), await Instance(0).ReadAsync(key));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheValueAndAllowsCreateOnlyAgain()
    {
        var key = NewKey();
        await Instance(0).WriteAsync(key, "1", null);

        await Instance(1).DeleteAsync(key);
        await Instance(1).DeleteAsync(key); // deleting what is gone is fine

        Assert.Null(await Instance(0).ReadAsync(key));
        await Instance(0).WriteAsync(key, "again", "*");
    }

    [Fact]
    public async Task WriteAsync_WithTimeToLive_ExpiresByItself()
    {
        var key = NewKey();
        await Instance(0).WriteAsync(key, "short-lived", null, TimeSpan.FromMilliseconds(300));
        var longKey = NewKey();
        await Instance(0).WriteAsync(longKey, "long-lived", null, TimeSpan.FromMinutes(5));

        await Eventually.TrueAsync(async () => await Instance(1).ReadAsync(key) is null, "the short-lived value expires");

        Assert.NotNull(await Instance(1).ReadAsync(longKey));
        await Instance(0).WriteAsync(key, "created again", "*"); // an expired value no longer blocks create-only
    }

    [Fact]
    public async Task WriteAsync_ConcurrentReadModifyWriteFromTwoInstances_LosesNoUpdate()
    {
        var key = NewKey();
        await Instance(0).WriteAsync(key, "0", "*");

        async Task IncrementAsync(IStateStore store)
        {
            while (true)
            {
                var item = await store.ReadAsync(key);
                try
                {
                    await store.WriteAsync(key, (int.Parse(item!.Value) + 1).ToString(), item.ETag);
                    return;
                }
                catch (ETagConflictException)
                {
                    // someone else won: read again
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => IncrementAsync(Instance(i % 2)))));

        Assert.Equal("40", (await Instance(0).ReadAsync(key))!.Value);
    }
}
