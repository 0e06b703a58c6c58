using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Editing;
using ChatService.KnowledgeBase.Store;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase;

/// <summary>
/// At start-up: prepares the store, seeds it from the FAQ files on first run (invalid content stops the start), and
/// publishes the store's published entries to the searcher. After that the store is the source of truth.
/// </summary>
public sealed partial class KnowledgeBaseLoader(
    IFaqStore store, KnowledgeBaseSync sync, IOptions<KnowledgeBaseOptions> options, IHostEnvironment environment,
    ILogger<KnowledgeBaseLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.InitializeAsync(cancellationToken)) await SeedAsync(cancellationToken);
        await sync.ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(ContentPaths.Resolve(environment, options.Value.Directory), "faq");
        if (!Directory.Exists(directory))
        {
            LogNoContent(directory);
            return;
        }
        var (entries, issues) = FaqYamlReader.ReadDirectory(directory);
        if (issues.Count > 0)
            throw new InvalidOperationException($"The knowledge base in {directory} has {issues.Count} problem(s): {string.Join("; ", issues.Take(5))}");
        try
        {
            await store.WriteAsync(FaqImporter.SeedWrites(entries), publish: true, cancellationToken);
            LogSeeded(entries.Count, directory);
        }
        catch (FaqVersionConflictException)
        {
            // Another instance sharing the store seeded it first; its content is the same files.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: seeded the store with {Count} entries from {Directory}")]
    private partial void LogSeeded(int count, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: no content folder at {Directory}; FAQ questions will get the fallback")]
    private partial void LogNoContent(string directory);
}
