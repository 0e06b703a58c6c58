using ChatService.State;
using ChatService.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.State;

public sealed class InMemoryConversationLockTests : ConversationLockContract
{
    protected override IConversationLock[] Instances(int count, StateOptions options)
    {
        var shared = new InMemoryConversationLock(Options.Create(options));
        return Enumerable.Repeat<IConversationLock>(shared, count).ToArray();
    }
}

public sealed class RedisConversationLockTests(RedisServerFixture redis) : ConversationLockContract, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RedisInstances _instances = null!;

    protected override IConversationLock[] Instances(int count, StateOptions options) =>
        Enumerable.Range(0, count).Select(_ => _instances.Lock(options)).ToArray();

    public Task InitializeAsync()
    {
        _instances = new RedisInstances(redis.Server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    [Fact]
    public async Task AcquireAsync_HolderInstanceDied_LeaseRunsOutAndOtherInstanceGetsIt()
    {
        var options = new StateOptions { LockLease = TimeSpan.FromMilliseconds(500), LockWait = TimeSpan.FromSeconds(10) };
        var conversationId = NewConversation();
        var deadConnection = _instances.Connect();
        _ = await _instances.Lock(options, deadConnection).AcquireAsync(conversationId);

        await deadConnection.DisposeAsync(); // the holder's process is gone: no renewal, no release

        await using var taken = await _instances.Lock(options).AcquireAsync(conversationId);
    }
}
