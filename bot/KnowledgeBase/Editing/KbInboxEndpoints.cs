using ChatService.KnowledgeBase.Inbox;
using ChatService.KnowledgeBase.Search;
using ChatService.KnowledgeBase.Store;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>The unanswered inbox for editors: grouped questions; add one as a phrasing of an entry, or close a group.</summary>
public static class KbInboxEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/inbox", async (IUnansweredInbox inbox, FaqSearcher searcher, int? limit, CancellationToken ct) =>
            Results.Json(InboxGrouper.Group(await inbox.OpenAsync(limit ?? 2000, ct), searcher.Current), FaqJson.Options));
        api.MapPost("/inbox/add-alternate", (HttpContext context, FaqWorkflow workflow, IUnansweredInbox inbox, CancellationToken ct) => KbHttp.Guard(context, async () =>
        {
            var (body, error) = await KbHttp.ReadJsonAsync<KbInboxAlternateRequest>(context.Request, ct);
            if (error is not null) return error;
            if (string.IsNullOrWhiteSpace(body!.EntryId) || string.IsNullOrWhiteSpace(body.Question))
                return KbHttp.Error(400, "Say which entry (entryId) and which question to add.");
            var by = KbHttp.Editor(context.User);
            var entry = await workflow.AddAlternateAsync(body.EntryId, body.Language ?? "en", body.Question, by, ct);
            await inbox.ResolveAsync(body.ItemIds ?? [], by, $"phrasing of {body.EntryId}", ct);
            return KbHttp.Entry(context, entry);
        }));
        api.MapPost("/inbox/resolve", async (HttpContext context, IUnansweredInbox inbox, CancellationToken ct) =>
        {
            var (body, error) = await KbHttp.ReadJsonAsync<KbInboxResolveRequest>(context.Request, ct);
            if (error is not null) return error;
            await inbox.ResolveAsync(body!.ItemIds ?? [], KbHttp.Editor(context.User), string.IsNullOrWhiteSpace(body.Resolution) ? "dismissed" : body.Resolution, ct);
            return Results.NoContent();
        });
    }
}

/// <summary>Add <see cref="Question"/> (in <see cref="Language"/>) as a phrasing of <see cref="EntryId"/>; close the inbox items.</summary>
public sealed record KbInboxAlternateRequest(string? EntryId, string? Question, string? Language, List<long>? ItemIds);

/// <summary>Close inbox items, saying why ("dismissed", "new entry value-x").</summary>
public sealed record KbInboxResolveRequest(List<long>? ItemIds, string? Resolution);
