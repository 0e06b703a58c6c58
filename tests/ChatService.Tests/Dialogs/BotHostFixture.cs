using ChatService.Tests.Support;

namespace ChatService.Tests.Dialogs;

/// <summary>One service host for all conversation tests (loading the model and the knowledge base once).</summary>
[CollectionDefinition(Name)]
public sealed class BotHostCollection : ICollectionFixture<BotHost>
{
    public const string Name = "bot host";
}
