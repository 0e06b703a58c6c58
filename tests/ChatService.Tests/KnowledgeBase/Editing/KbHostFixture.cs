namespace ChatService.Tests.KnowledgeBase.Editing;

/// <summary>One seeded host shared by the tests of a class (each test uses its own entry ids).</summary>
public sealed class KbHostFixture : IAsyncLifetime
{
    public KbTestHost Host { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Host = KbTestHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        KbTestHost.DeleteDataDirectory(Host.DataDirectory);
    }
}
