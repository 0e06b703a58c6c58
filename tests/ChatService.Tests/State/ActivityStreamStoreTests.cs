using ChatService.State;
using ChatService.Tests.Support;

namespace ChatService.Tests.State;

public sealed class InMemoryActivityStreamStoreTests : ActivityStreamStoreContract
{
    private readonly InMemoryActivityStreamStore _store = new(TimeProvider.System);

    protected override IActivityStreamStore Instance(int number) => _store;
}

public sealed class RedisActivityStreamStoreTests(RedisServerFixture redis) : ActivityStreamStoreContract, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RedisInstances _instances = null!;
    private IActivityStreamStore[] _stores = [];

    protected override IActivityStreamStore Instance(int number) => _stores[number];

    public Task InitializeAsync()
    {
        _instances = new RedisInstances(redis.Server);
        _stores = [_instances.StreamStore(), _instances.StreamStore()];
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _instances.DisposeAsync();
}
