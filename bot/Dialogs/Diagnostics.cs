using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;

namespace ChatService.Dialogs;

/// <summary>Writes the routing diagnostics every bot reply carries in <c>channelData.chatservice</c>.</summary>
public static class Diagnostics
{
    public const string Key = "chatservice";

    public static Activity WithDiagnostics(this Activity reply, string language, string route, string? intent = null, double? confidence = null)
    {
        var diagnostics = new JsonObject
        {
            ["language"] = language,
            ["intent"] = intent,
            ["confidence"] = confidence,
            ["route"] = route,
            ["entities"] = new JsonArray(),
        };
        reply.EnsureChannelData()[Key] = diagnostics;
        return reply;
    }
}
