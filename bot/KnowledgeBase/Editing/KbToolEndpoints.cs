using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Evaluation;
using ChatService.KnowledgeBase.Search;
using ChatService.KnowledgeBase.Store;
using Microsoft.Extensions.Options;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>Editors' tools: test a question, conflicts, Markdown preview, audit log, import and export.</summary>
public static class KbToolEndpoints
{
    private const long MaxImportBytes = 10 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/test", async (HttpContext context, IFaqStore store, FaqSearcher searcher, IOptionsMonitor<KnowledgeBaseOptions> options, CancellationToken ct) =>
        {
            var (body, error) = await KbHttp.ReadJsonAsync<KbTestRequest>(context.Request, ct);
            if (error is not null) return error;
            if (string.IsNullOrWhiteSpace(body!.Question)) return KbHttp.Error(400, "Type a question to test.");
            var drafts = string.Equals(body.Against, "drafts", StringComparison.OrdinalIgnoreCase);
            // The drafts are tested in a throw-away index: the one customers use is never touched.
            var index = drafts
                ? FaqIndex.For((await store.ListAsync(ct)).Where(e => e.Working.Status != FaqStatuses.Retired).Select(e => e.Working).ToList(), options.CurrentValue, searcher.Synonyms)
                : searcher.Current;
            var ranked = index.Search(body.Question, Math.Max(options.CurrentValue.SuggestCount, 3) + 2);
            var decision = FaqDecision.Decide(ranked, options.CurrentValue);
            return Results.Json(new KbTestResult(drafts ? "drafts" : "published", decision.Kind.ToString(), decision.Confidence,
                decision.Candidates.Select(c => c.Entry.Id).ToList(),
                ranked.Select(c => new KbTestCandidate(c.Entry.Id, c.Entry.Category, c.Entry.Status, c.Similarity,
                    c.Entry.Content.GetValueOrDefault(FaqLanguages.Simplified)?.Question ?? "", c.Entry.Content.GetValueOrDefault(FaqLanguages.English)?.Question ?? "")).ToList()),
                FaqJson.Options);
        });
        api.MapGet("/conflicts", async (IFaqStore store, IOptionsMonitor<KnowledgeBaseOptions> options, IHostEnvironment environment, CancellationToken ct) =>
        {
            var eval = Path.Combine(ContentPaths.Resolve(environment, options.CurrentValue.Directory), "eval");
            var questions = FaqEvalSet.Read(Path.Combine(eval, "questions.yaml")).Concat(FaqEvalSet.Read(Path.Combine(eval, "must-not-answer.yaml"))).ToList();
            return Results.Json(FaqConflicts.Find(await store.ListAsync(ct), questions, options.CurrentValue), FaqJson.Options);
        });
        api.MapPost("/preview", async (HttpContext context, FaqAnswerRenderer renderer, CancellationToken ct) =>
        {
            var (body, error) = await KbHttp.ReadJsonAsync<KbPreviewRequest>(context.Request, ct);
            if (error is not null) return error;
            // As the customer will see it: company facts filled in for the language, then sanitized.
            var language = body!.Language is FaqLanguages.Simplified or FaqLanguages.Traditional ? body.Language : FaqLanguages.English;
            var sample = new FaqEntry { Id = "preview", Category = "preview", Content = new Dictionary<string, FaqContent> { [language] = new("", [], body.Markdown ?? "") } };
            return Results.Json(new { html = FaqMarkdown.ToSafeHtml(renderer.Answer(sample, language)) }, FaqJson.Options);
        });
        api.MapGet("/audit", async (IFaqStore store, string? entryId, string? by, string? action, DateTimeOffset? since, int? limit, CancellationToken ct) =>
            Results.Json(await store.AuditAsync(new FaqAuditQuery(entryId, by, action, since, limit ?? 200), ct), FaqJson.Options));
        api.MapGet("/publishes", async (IFaqStore store, int? limit, CancellationToken ct) =>
            Results.Json(await store.PublishesAsync(limit ?? 50, ct), FaqJson.Options));
        api.MapGet("/status", async (IFaqStore store, KnowledgeBaseSync sync, FaqSearcher searcher, CancellationToken ct) =>
            Results.Json(new { publishNumber = await store.PublishNumberAsync(ct), loadedPublishNumber = sync.LoadedPublishNumber, liveEntries = searcher.Current.Entries.Count }, FaqJson.Options));
        api.MapPost("/import", async (HttpContext context, FaqImporter importer, string? format, string? fileName, CancellationToken ct) =>
        {
            format = (format ?? Path.GetExtension(fileName ?? "").TrimStart('.')).ToLowerInvariant();
            if (format is "yml") format = "yaml";
            if (format is not ("yaml" or "csv")) return KbHttp.Error(400, "Say format=yaml or format=csv (or give a fileName ending in .yaml or .csv).");
            if (context.Request.ContentLength > MaxImportBytes) return KbHttp.Error(413, "The file is larger than 10 MB.");
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync(ct);
            var report = await importer.ImportAsync(format, fileName ?? $"upload.{format}", text, KbHttp.Editor(context.User), ct);
            return Results.Json(report, FaqJson.Options, statusCode: report.Imported ? 200 : 400);
        });
        api.MapGet("/export", async (IFaqStore store, string? format, string? copy, string? category, CancellationToken ct) =>
        {
            var published = string.Equals(copy, "published", StringComparison.OrdinalIgnoreCase);
            var entries = (await store.ListAsync(ct))
                .Select(e => published ? e.Published : e.Working).OfType<FaqEntry>()
                .Where(e => string.IsNullOrEmpty(category) || e.Category == category).ToList();
            var name = $"faq-{category ?? "all"}-{(published ? "published" : "working")}";
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(FaqCsv.Write(entries)), "text/csv; charset=utf-8", name + ".csv")
                : Results.File(System.Text.Encoding.UTF8.GetBytes(FaqYamlWriter.Write(entries, $"Exported from the ChatService knowledge base ({name}).")),
                    "application/yaml; charset=utf-8", name + ".yaml");
        });
    }
}

/// <summary>"Test a question": the question and what to test against ("published", the default, or "drafts").</summary>
public sealed record KbTestRequest(string? Question, string? Against);

/// <summary>One ranked candidate as the bot would see it.</summary>
public sealed record KbTestCandidate(string Id, string Category, string Status, double Similarity, string QuestionZh, string QuestionEn);

/// <summary>The bot's decision for the question, the entries it would offer, and the ranked candidates.</summary>
public sealed record KbTestResult(string Against, string Decision, double Confidence, IReadOnlyList<string> Offered, IReadOnlyList<KbTestCandidate> Ranked);

/// <summary>Markdown to preview.</summary>
public sealed record KbPreviewRequest(string? Markdown, string? Language);
