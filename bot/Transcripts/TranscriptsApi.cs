using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatService.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatService.Transcripts;

/// <summary>The review API: reviewers (and admins) read masked transcripts; only admins read unmasked originals.</summary>
public static partial class TranscriptsApi
{
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/transcripts").WithTags("Transcripts").RequireAuthorization(StaffRoles.Reviewer);
        group.MapGet("/conversations", ListConversations)
            .WithName("ListTranscriptConversations")
            .WithSummary("Conversations with activity in [from, to], newest first; page with the returned nextCursor.");
        group.MapGet("/conversations/{conversationId}", GetConversation)
            .WithName("GetTranscriptConversation")
            .WithSummary("A conversation's activities in recorded order, personal information masked.");
        group.MapGet("/conversations/{conversationId}/originals", GetOriginals)
            .RequireAuthorization(StaffRoles.Admin)
            .WithName("GetTranscriptOriginals")
            .WithSummary("Admin only: the unmasked originals, decrypted (needs Transcripts:EncryptionKey). Every call is logged.");
        return app;
    }

    private static async Task<Results<Ok<ConversationPage>, ProblemHttpResult>> ListConversations(
        ITranscriptStore store, string? from, string? to, string? channel, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!TryParseTime(from, out var fromTime)) return BadRequest("'from' must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z.");
        if (!TryParseTime(to, out var toTime)) return BadRequest("'to' must be an ISO-8601 date-time, e.g. 2026-01-31T23:59:59Z.");
        // Bound as text and checked here, so a bad value gets this problem, not the framework's binding error.
        var pageSize = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
            return BadRequest($"'limit' must be a whole number between 1 and {MaxLimit}.");
        if (!ConversationCursor.TryDecode(cursor, out var decoded)) return BadRequest("'cursor' is not a cursor this API returned.");
        var query = new ConversationQuery(fromTime, toTime, string.IsNullOrWhiteSpace(channel) ? null : channel, pageSize, decoded);
        return TypedResults.Ok(await store.ListConversationsAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<ConversationTranscript>, NotFound>> GetConversation(
        ITranscriptStore store, string conversationId, CancellationToken cancellationToken)
    {
        var entries = await store.GetConversationAsync(conversationId, cancellationToken);
        if (entries.Count == 0) return TypedResults.NotFound();
        return TypedResults.Ok(new ConversationTranscript(conversationId, entries.Select(TranscriptActivityView.From).ToList()));
    }

    private static async Task<Results<Ok<ConversationOriginals>, NotFound, ProblemHttpResult>> GetOriginals(
        ITranscriptStore store, [FromServices] TranscriptEncryption? encryption, ClaimsPrincipal user, ILoggerFactory loggers,
        string conversationId, CancellationToken cancellationToken)
    {
        if (encryption is null)
            return TypedResults.Problem("Unmasked originals are not stored: Transcripts:EncryptionKey is not configured.", statusCode: StatusCodes.Status404NotFound);
        var entries = await store.GetConversationAsync(conversationId, cancellationToken);
        if (entries.Count == 0) return TypedResults.NotFound();
        LogOriginalsRead(loggers.CreateLogger(typeof(TranscriptsApi)), user.Identity?.Name ?? "(unnamed)", conversationId);
        return TypedResults.Ok(new ConversationOriginals(conversationId, entries.Select(e => Open(encryption, e)).ToList()));
    }

    private static OriginalActivityView Open(TranscriptEncryption encryption, TranscriptEntry entry)
    {
        if (entry.EncryptedOriginal is null) return new(entry.Sequence, entry.ActivityId, null, "stored without an original (no key was configured then)");
        try
        {
            return new(entry.Sequence, entry.ActivityId, JsonNode.Parse(encryption.Decrypt(entry.EncryptedOriginal, entry.ConversationId)), null);
        }
        catch (CryptographicException)
        {
            return new(entry.Sequence, entry.ActivityId, null, "cannot be decrypted with the configured key");
        }
    }

    private static bool TryParseTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        time = parsed;
        return true;
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {User} read the unmasked transcript of conversation {ConversationId}")]
    private static partial void LogOriginalsRead(ILogger logger, string user, string conversationId);
}
