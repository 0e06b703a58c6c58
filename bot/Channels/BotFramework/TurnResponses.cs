using System.Text.Json;
using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels.BotFramework;

/// <summary>Builds the HTTP answer from a finished turn: expected replies, an invoke response, or a plain 200.</summary>
public static class TurnResponses
{
    public static async Task WriteAsync(HttpResponse response, ITurnContext turnContext, ExpectRepliesSender? buffer)
    {
        var isInvoke = turnContext.Activity.Type == ActivityTypes.Invoke;
        if (buffer is not null)
        {
            var replies = buffer.Replies.ToList();
            if (isInvoke && turnContext.InvokeResponse is { } answer)
                replies.Add(InvokeResponseActivity(answer)); // as the SDK does: the invoke's answer travels in the buffer
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, new ExpectedReplies(replies), ProtocolJson.Options);
            return;
        }
        if (!isInvoke)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (turnContext.InvokeResponse is not { } invokeResponse)
        {
            await ErrorResponses.WriteAsync(response, StatusCodes.Status501NotImplemented, ErrorResponses.NotImplemented,
                $"No handler answered the invoke '{turnContext.Activity.Name}'.");
            return;
        }
        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is { } body)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), ProtocolJson.Options);
        }
    }

    private static Activity InvokeResponseActivity(InvokeResponse answer) => new()
    {
        Type = ActivityTypes.InvokeResponse,
        Value = new JsonObject
        {
            ["status"] = answer.Status,
            ["body"] = answer.Body is null ? null : JsonSerializer.SerializeToNode(answer.Body, answer.Body.GetType(), ProtocolJson.Options),
        },
    };
}
