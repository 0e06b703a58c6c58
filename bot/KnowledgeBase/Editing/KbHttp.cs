using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using ChatService.KnowledgeBase.Store;
using ChatService.Operations;

namespace ChatService.KnowledgeBase.Editing;

/// <summary>HTTP helpers of the editor API: the signed-in editor, ETags, JSON bodies, and errors as clear JSON.</summary>
public static class KbHttp
{
    /// <summary>The header every changing call must carry (the editor page sends it). Cross-site forms cannot set headers,
    /// and cross-origin scripts cannot without a CORS grant, so a signed-in editor's browser cannot be made to publish.
    /// The same filter turns a store failure into 503 + Retry-After.</summary>
    public const string RequestHeader = "X-Requested-With";
    public const string RequestHeaderValue = "kb-editor";

    public static async ValueTask<object?> RequireEditorHeader(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && request.Headers[RequestHeader] != RequestHeaderValue)
            return Error(StatusCodes.Status400BadRequest, $"Changing calls need the header {RequestHeader}: {RequestHeaderValue}.");
        try
        {
            return await next(context);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // Locked or unreadable database: nothing was written (every write is one transaction); try again shortly.
            ErrorResponse.SetRetryAfter(context.HttpContext);
            return Error(StatusCodes.Status503ServiceUnavailable, "The knowledge base store is busy or unavailable; nothing was changed. Try again in a few seconds.");
        }
    }

    public static string Editor(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "unknown";

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match header names; null when absent; -1 when it is not one of ours (it then conflicts).</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    public static IResult Entry(HttpContext context, StoredEntry entry, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.Headers.ETag = ETag(entry.Version);
        return Results.Json(KbEntryView.From(entry), FaqJson.Options, statusCode: statusCode);
    }

    public static IResult Error(int statusCode, string error, IReadOnlyList<string>? problems = null, object? current = null) =>
        Results.Json(new KbError(error, problems ?? [], current), FaqJson.Options, statusCode: statusCode);

    /// <summary>Reads a JSON body; a malformed one becomes a clear 400 instead of an exception.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, FaqJson.Options, cancellationToken);
            return value is null ? (null, Error(400, "The request body is empty; send JSON.")) : (value, null);
        }
        catch (JsonException ex)
        {
            // The path says where without leaking type names.
            return (null, Error(400, $"The request body is not valid JSON for this call (at {ex.Path ?? "$"}, line {(ex.LineNumber ?? 0) + 1})."));
        }
    }

    /// <summary>Turns the workflow's refusals into responses; a version conflict carries the current entry so nothing is lost.</summary>
    public static async Task<IResult> Guard(HttpContext context, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (FaqEditException ex)
        {
            return Error(ex.StatusCode, ex.Message, ex.Problems);
        }
        catch (FaqVersionConflictException ex)
        {
            if (ex.Current is { } current) context.Response.Headers.ETag = ETag(current.Version);
            return Error(StatusCodes.Status409Conflict,
                $"'{ex.EntryId}' was changed by someone else (now version {ex.Current?.Version ?? 0}). Your changes were not saved: compare with the current version below, then save again with its ETag.",
                current: ex.Current is null ? null : KbEntryView.From(ex.Current));
        }
    }
}

/// <summary>An error body: what went wrong, the details, and (on a 409) the current entry.</summary>
public sealed record KbError(string Error, IReadOnlyList<string> Problems, object? Current);

/// <summary>An entry as the editor API shows it.</summary>
public sealed record KbEntryView(Content.FaqEntry Entry, Content.FaqEntry? Published, string LastAuthor, string ETag)
{
    public static KbEntryView From(StoredEntry stored) => new(stored.Working, stored.Published, stored.LastAuthor, KbHttp.ETag(stored.Version));
}
