using System.Text.Json;
using ChatService.Channels.Protocol;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary><c>GET conversations/{id}/activities</c> (polling) and <c>POST conversations/{id}/activities</c> (send).</summary>
public static class ActivityEndpoints
{
    public static async Task<IResult> Get(HttpContext httpContext, string conversationId, string? watermark,
        DirectLineAuth auth, DirectLineConversationStore store, DirectLineStream stream)
    {
        var error = auth.Authorize(httpContext.Request, conversationId, out _);
        if (error is not null) return error;
        if (!Watermark.TryParse(watermark, out var after)) return DirectLineError.Bad("The watermark is not valid.");
        if (await store.FindAsync(conversationId, httpContext.RequestAborted) is null) return DirectLineError.UnknownConversation();
        // Typing is a live signal: only WebSockets carry it, as in Azure's Direct Line.
        var (activities, last) = await stream.ReadAsync(conversationId, after, includeTyping: false, httpContext.RequestAborted);
        var set = new ActivitySet(activities, last is { } l ? Watermark.Format(l) : NullIfEmpty(watermark));
        return Results.Json(set, ProtocolJson.Options);
    }

    public static async Task<IResult> Post(HttpContext httpContext, string conversationId, DirectLineAuth auth,
        DirectLineConversationStore store, DirectLineIntake intake, IOptions<DirectLineOptions> options)
    {
        var error = auth.Authorize(httpContext.Request, conversationId, out var caller);
        if (error is not null) return error;
        var body = await RequestBody.ReadAsync(httpContext.Request, options.Value.MaxActivityBytes, httpContext.RequestAborted);
        if (body is null) return DirectLineError.TooBig($"The activity is larger than {options.Value.MaxActivityBytes} bytes.");
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return DirectLineError.Bad("The body is not a valid activity (malformed JSON).");
        }
        if (activity is null) return DirectLineError.Bad("The body must be an activity object.");
        var invalid = DirectLineIntake.Validate(activity);
        if (invalid is not null) return DirectLineError.Bad(invalid);
        var conversation = await store.FindAsync(conversationId, httpContext.RequestAborted);
        if (conversation is null) return DirectLineError.UnknownConversation();
        // Not RequestAborted: a customer closing the tab must not cut a turn whose message is already echoed.
        var id = await intake.PostAsync(httpContext.Request, conversation, caller, activity, CancellationToken.None);
        return Results.Json(new ResourceResponse(id));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
