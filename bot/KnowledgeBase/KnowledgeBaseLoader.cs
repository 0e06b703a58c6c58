using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Editing;
using ChatService.KnowledgeBase.Search;
using ChatService.KnowledgeBase.Store;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase;

/// <summary>
/// At start-up: prepares the store, seeds it from the FAQ files on first run (invalid content stops the start), and
/// publishes the store's published entries to the searcher. After that the store is the source of truth.
/// </summary>
public sealed partial class KnowledgeBaseLoader(
    IFaqStore store, KnowledgeBaseSync sync, FaqSearcher searcher, IOptions<KnowledgeBaseOptions> options, IHostEnvironment environment,
    ILogger<KnowledgeBaseLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        searcher.Synonyms = FaqSynonyms.Load(Path.Combine(ContentPaths.Resolve(environment, options.Value.Directory), "synonyms.yaml"));
        if (options.Value.ChineseSemanticWeight > 0 && ChineseGlossary.Shared(options.Value.GlossaryPath) is null)
            LogNoGlossary(ChineseGlossary.PathFor(options.Value.GlossaryPath));
        var seeded = await store.InitializeAsync(cancellationToken) ? await SeedAsync(cancellationToken) : null;
        // A fresh seed is announced like any publish, so instances already running on this store pick it up too.
        if (seeded is { } number) await sync.AnnounceAsync(number, cancellationToken);
        else await sync.ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>The publish number of the seed; null when nothing was seeded here.</returns>
    private async Task<long?> SeedAsync(CancellationToken cancellationToken)
    {
        var root = ContentPaths.Resolve(environment, options.Value.Directory);
        var directory = Path.Combine(root, "faq");
        if (!Directory.Exists(directory))
        {
            LogNoContent(directory);
            return null;
        }
        var (entries, issues) = FaqYamlReader.ReadDirectory(directory);
        if (issues.Count > 0)
            throw new InvalidOperationException($"The knowledge base in {directory} has {issues.Count} problem(s): {string.Join("; ", issues.Take(5))}");
        try
        {
            var number = await store.WriteAsync(FaqImporter.SeedWrites(entries), publish: true, cancellationToken);
            LogSeeded(entries.Count, directory);
            return number;
        }
        catch (FaqVersionConflictException)
        {
            // Another instance sharing the store seeded it first; its content is the same files.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: seeded the store with {Count} entries from {Directory}")]
    private partial void LogSeeded(int count, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: ChineseSemanticWeight is set but there is no glossary at {Path} (run bot/KnowledgeBase/Search/fetch-glossary.sh); Chinese questions are matched by their words only")]
    private partial void LogNoGlossary(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: no content folder at {Directory}; FAQ questions will get the fallback")]
    private partial void LogNoContent(string directory);
}
