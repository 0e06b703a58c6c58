using ChatService.State;
using ChatService.Tests.Support;

namespace ChatService.Tests.State;

public sealed class InMemoryStateStoreTests : StateStoreContract
{
    private readonly InMemoryStateStore _store = new(TimeProvider.System);

    protected override IStateStore Instance(int number) => _store;
}

public sealed class RedisStateStoreTests(RedisServerFixture redis) : StateStoreContract, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RedisInstances _instances = null!;
    private IStateStore[] _stores = [];

    protected override IStateStore Instance(int number) => _stores[number];

    public Task InitializeAsync()
    {
        _instances = new RedisInstances(redis.Server);
        _stores = [_instances.StateStore(), _instances.StateStore()];
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _instances.DisposeAsync();
}
