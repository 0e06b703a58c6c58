using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase;

/// <summary>Loads the FAQ files at start-up and publishes them to the searcher; invalid content stops the start.</summary>
public sealed partial class KnowledgeBaseLoader(
    FaqSearcher searcher, IOptions<KnowledgeBaseOptions> options, IHostEnvironment environment, TimeProvider clock,
    ILogger<KnowledgeBaseLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var root = ContentPaths.Resolve(environment, options.Value.Directory);
        var directory = Path.Combine(root, "faq");
        searcher.Synonyms = FaqSynonyms.Load(Path.Combine(root, "synonyms.yaml"));
        if (!Directory.Exists(directory))
        {
            LogNoContent(directory);
            return Task.CompletedTask;
        }
        var (entries, issues) = FaqYamlReader.ReadDirectory(directory);
        if (issues.Count > 0)
            throw new InvalidOperationException($"The knowledge base in {directory} has {issues.Count} problem(s): {string.Join("; ", issues.Take(5))}");
        var index = searcher.Publish(entries, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        LogLoaded(index.Entries.Count, entries.Count, index.DocumentCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: {Live} live entries of {Total}, {Documents} indexed phrasings")]
    private partial void LogLoaded(int live, int total, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: no content folder at {Directory}; FAQ questions will get the fallback")]
    private partial void LogNoContent(string directory);
}
