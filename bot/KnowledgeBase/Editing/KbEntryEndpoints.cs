using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Store;
using ChatService.Nlu;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>Entries: list and search, read, create, update (If-Match), the workflow steps, history and rollback.</summary>
public static class KbEntryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/entries", async (IFaqStore store, string? category, string? status, string? q, CancellationToken ct) =>
        {
            var query = TextNormalizer.Normalize(q);
            var entries = (await store.ListAsync(ct))
                .Where(e => string.IsNullOrEmpty(category) || e.Working.Category == category)
                .Where(e => string.IsNullOrEmpty(status) || e.Working.Status == status)
                .Where(e => query.Length == 0 || SearchText(e.Working).Contains(query, StringComparison.Ordinal))
                .Select(KbEntrySummary.From).ToList();
            return Results.Json(entries, FaqJson.Options);
        });
        api.MapGet("/entries/{id}", async (HttpContext context, IFaqStore store, string id, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } entry ? KbHttp.Entry(context, entry) : KbHttp.Error(404, $"There is no entry '{id}'."));
        api.MapPost("/entries", (HttpContext context, FaqWorkflow workflow, CancellationToken ct) => KbHttp.Guard(context, async () =>
        {
            var (input, error) = await KbHttp.ReadJsonAsync<FaqEntryInput>(context.Request, ct);
            if (error is not null) return error;
            return KbHttp.Entry(context, await workflow.CreateAsync(input!, KbHttp.Editor(context.User), ct), StatusCodes.Status201Created);
        }));
        api.MapPut("/entries/{id}", (HttpContext context, FaqWorkflow workflow, string id, CancellationToken ct) => KbHttp.Guard(context, async () =>
        {
            if (KbHttp.IfMatch(context.Request) is not { } expected)
                return KbHttp.Error(StatusCodes.Status428PreconditionRequired, "Send the entry's ETag in If-Match, so a save never overwrites someone else's change.");
            var (input, error) = await KbHttp.ReadJsonAsync<FaqEntryInput>(context.Request, ct);
            if (error is not null) return error;
            return KbHttp.Entry(context, await workflow.UpdateAsync(id, input!, expected, KbHttp.Editor(context.User), ct));
        }));
        MapStep(api, "submit", (w, id, v, by, ct) => w.SubmitAsync(id, v, by, ct));
        MapStep(api, "approve", (w, id, v, by, ct) => w.ApproveAsync(id, v, by, ct));
        MapStep(api, "publish", (w, id, v, by, ct) => w.PublishAsync(id, v, by, ct));
        MapStep(api, "retire", (w, id, v, by, ct) => w.RetireAsync(id, v, by, ct));
        api.MapPost("/entries/{id}/rollback", (HttpContext context, FaqWorkflow workflow, string id, CancellationToken ct) => KbHttp.Guard(context, async () =>
        {
            var (body, error) = await KbHttp.ReadJsonAsync<KbRollbackRequest>(context.Request, ct);
            if (error is not null) return error;
            return KbHttp.Entry(context, await workflow.RollbackAsync(id, body!.Version, KbHttp.Editor(context.User), ct));
        }));
        api.MapGet("/entries/{id}/history", async (IFaqStore store, string id, CancellationToken ct) =>
        {
            var versions = await store.HistoryAsync(id, ct);
            if (versions.Count == 0) return KbHttp.Error(404, $"There is no entry '{id}'.");
            var history = versions.Select((v, i) => new KbHistoryItem(v.Entry.Version, v.Action, v.By, v.At, v.WasPublished, v.Entry.Status,
                FaqDiff.Compute(i == 0 ? null : versions[i - 1].Entry, v.Entry))).Reverse().ToList();
            return Results.Json(history, FaqJson.Options);
        });
    }

    private static void MapStep(RouteGroupBuilder api, string step, Func<FaqWorkflow, string, int?, string, CancellationToken, Task<StoredEntry>> action) =>
        api.MapPost($"/entries/{{id}}/{step}", (HttpContext context, FaqWorkflow workflow, string id, CancellationToken ct) =>
            KbHttp.Guard(context, async () => KbHttp.Entry(context, await action(workflow, id, KbHttp.IfMatch(context.Request), KbHttp.Editor(context.User), ct))));

    private static string SearchText(FaqEntry entry) => TextNormalizer.Normalize(string.Join(" ",
        entry.Content.Values.SelectMany(c => c.Alternates.Append(c.Question).Append(c.Answer)).Concat(entry.Tags).Append(entry.Id)));
}

/// <summary>A row of the entry list.</summary>
public sealed record KbEntrySummary(string Id, string Category, string Status, int Version, int? PublishedVersion, string QuestionZh, string QuestionEn, string LastAuthor, DateTimeOffset? ChangedAt)
{
    public static KbEntrySummary From(StoredEntry stored) => new(
        stored.Id, stored.Working.Category, stored.Working.Status, stored.Version, stored.Published?.Version,
        stored.Working.Content.GetValueOrDefault(FaqLanguages.Simplified)?.Question ?? "",
        stored.Working.Content.GetValueOrDefault(FaqLanguages.English)?.Question ?? "",
        stored.LastAuthor, stored.Working.LastChange?.At);
}

/// <summary>One version in an entry's history, with what changed from the version before.</summary>
public sealed record KbHistoryItem(int Version, string Action, string By, DateTimeOffset At, bool Published, string Status, IReadOnlyList<FaqFieldChange> Diff);

/// <summary>The body of a rollback: the version to restore.</summary>
public sealed record KbRollbackRequest(int Version);
