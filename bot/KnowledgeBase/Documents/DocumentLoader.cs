using System.Diagnostics;
using ChatService.Hosting;
using ChatService.KnowledgeBase.Search;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>
/// At start-up: splits the manuals in <c>knowledge-base/documents/</c> into passages and indexes them. A missing
/// folder is logged and leaves the bot on the FAQ alone; it never stops the start.
/// </summary>
public sealed partial class DocumentLoader(
    PassageSearcher searcher, IOptions<KnowledgeBaseOptions> kbOptions, IOptions<DocumentOptions> options, IHostEnvironment environment,
    ILogger<DocumentLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return Task.CompletedTask;
        var root = ContentPaths.Resolve(environment, kbOptions.Value.Directory);
        var directory = Path.Combine(root, options.Value.Directory);
        var start = Stopwatch.GetTimestamp();
        var passages = ManualLibrary.Load(directory, options.Value);
        if (passages.Count == 0)
        {
            LogNoDocuments(directory);
            return Task.CompletedTask;
        }
        searcher.Current = new PassageIndex(passages, FaqSynonyms.Load(Path.Combine(root, "synonyms.yaml")), kbOptions.Value.MaxQueryLength);
        LogLoaded(passages.Count, passages.Select(p => p.Source).Distinct().Count(), Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Documents: indexed {Count} passages from {Manuals} manuals in {Milliseconds:F0} ms")]
    private partial void LogLoaded(int count, int manuals, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Documents: no manuals in {Directory}; questions the FAQ cannot answer get the fallback")]
    private partial void LogNoDocuments(string directory);
}
