using System.Globalization;
using ChatService.KnowledgeBase.Search;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase.Store;

/// <summary>
/// Keeps this instance's searcher on the latest publish. A publish writes its number to the shared state store; every
/// instance polls that one key (about once a second) and, when it changed, rebuilds its index from the store and swaps
/// it in whole. The date is checked too, so entries whose effective dates start or end go live or leave overnight;
/// and every tenth tick the store's own publish number, in case an announcement could not be written.
/// </summary>
public sealed partial class KnowledgeBaseSync(
    IFaqStore store, FaqSearcher searcher, IStateStore state, IOptionsMonitor<KnowledgeBaseOptions> options, TimeProvider clock,
    ILogger<KnowledgeBaseSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private long _loadedNumber = -1;
    private DateOnly _loadedDay;

    public long LoadedPublishNumber => Interlocked.Read(ref _loadedNumber);

    /// <summary>Rebuilds the index from the store's published entries.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            // The number is read before the entries: a publish landing in between only causes one more reload.
            var number = await store.PublishNumberAsync(cancellationToken);
            var published = (await store.ListAsync(cancellationToken)).Where(e => e.Published is not null).Select(e => e.Published!).ToList();
            var today = Today();
            var index = searcher.Publish(published, today);
            _loadedDay = today;
            Interlocked.Exchange(ref _loadedNumber, number);
            LogReloaded(number, index.Entries.Count, index.DocumentCount);
        }
        finally { _reloading.Release(); }
    }

    /// <summary>Tells every instance about a publish (the highest number wins) and reloads this one at once.</summary>
    public async Task AnnounceAsync(long number, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var current = await state.ReadAsync(StateKeys.KnowledgeBasePublish, cancellationToken);
                if (current is not null && long.TryParse(current.Value, CultureInfo.InvariantCulture, out var stored) && stored >= number) break;
                try
                {
                    await state.WriteAsync(StateKeys.KnowledgeBasePublish, number.ToString(CultureInfo.InvariantCulture), current?.ETag ?? "*", null, cancellationToken);
                    break;
                }
                catch (ETagConflictException) { /* another instance announced meanwhile; compare again */ }
            }
        }
        catch (StoreUnavailableException ex)
        {
            // The publish is committed in the store; the other instances find it by their slower store check.
            LogAnnounceFailed(number, ex);
        }
        await ReloadAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.ReloadPollInterval, clock, stoppingToken);
                // Every tenth tick the store itself is asked too, in case an announcement was lost.
                var changed = ++tick % 10 == 0
                    ? await store.PublishNumberAsync(stoppingToken) != LoadedPublishNumber
                    : await state.ReadAsync(StateKeys.KnowledgeBasePublish, stoppingToken) is { } announced
                      && announced.Value != LoadedPublishNumber.ToString(CultureInfo.InvariantCulture);
                if (changed || Today() != _loadedDay) await ReloadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // The current index keeps answering; the next poll tries again.
                LogPollFailed(ex);
            }
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: loaded publish {Number}: {Live} live entries, {Documents} indexed phrasings")]
    private partial void LogReloaded(long number, int live, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: could not announce publish {Number} in the state store")]
    private partial void LogAnnounceFailed(long number, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base: checking for a new publish failed; keeping the current index")]
    private partial void LogPollFailed(Exception exception);
}
