using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Dialogs;

namespace ChatService.Tests.Transcripts;

/// <summary>Activities for transcript tests.</summary>
internal static class TranscriptActivities
{
    public static Activity UserMessage(string conversationId, string text, string channelId = "emulator", string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = channelId,
        ServiceUrl = "http://127.0.0.1:1/",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user-1", Name = "Zhang San" },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Text = text,
        Locale = "zh-CN",
    };

    public static Activity BotReply(Activity to, string text, string route, string? intent = null)
    {
        var reply = to.CreateReply(text).WithDiagnostics(new TurnDiagnostics("zh-Hans", route, intent, 0.93));
        ((JsonObject)reply.ChannelData!)["chatservice"]!["entities"] = new JsonArray(new JsonObject { ["type"] = "policyNumber", ["value"] = "P12345678" });
        ((JsonObject)reply.ChannelData!)["chatservice"]!["faqId"] = "faq-claims-001";
        return reply;
    }
}
