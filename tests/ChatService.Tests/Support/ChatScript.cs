using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Dialogs;
using ChatService.Pipeline;
using ChatService.Tests.Pipeline;

namespace ChatService.Tests.Support;

/// <summary>What the bot answered to one customer turn, with its diagnostics.</summary>
public sealed record BotReply(Activity Activity)
{
    private JsonObject Diagnostics => ChatService.Dialogs.Diagnostics.Read(Activity) ?? [];
    public string Text => Activity.Text ?? "";
    public string? Route => (string?)Diagnostics["route"];
    public string? Intent => (string?)Diagnostics["intent"];
    public string? Language => (string?)Diagnostics["language"];
    public string? FaqId => (string?)Diagnostics["faqId"];
    public JsonArray Entities => Diagnostics["entities"] as JsonArray ?? [];
    public IReadOnlyList<CardAction> Buttons => Activity.SuggestedActions?.Actions ?? [];
}

/// <summary>
/// A customer's side of a conversation, written like a script:
/// <c>await chat.Send("我要报案").ExpectReply(r => r.Route == "flow:claim_report")</c>.
/// </summary>
public sealed class ChatScript(TurnRunner runner, BufferingSender sender, string locale)
{
    private readonly string _conversationId = "test-" + Guid.NewGuid().ToString("N");
    private int _sequence;

    public Task<BotReply> Join() => Run(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = "bot" }, new ChannelAccount { Id = "customer" }],
    });

    public Task<BotReply> Send(string text) => Run(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Sends a file (with an optional caption), as Web Chat does after an upload.</summary>
    public Task<BotReply> SendFiles(string name, string? caption = null) => Run(new Activity
    {
        Type = ActivityTypes.Message,
        Text = caption,
        Attachments = [new Attachment { Name = name, ContentType = "image/png", ContentUrl = $"http://127.0.0.1/files/{name}" }],
    });

    /// <summary>Clicks a button of the last reply, as Web Chat sends a messageBack.</summary>
    public Task<BotReply> Click(CardAction button) => Run(new Activity
    {
        Type = ActivityTypes.Message,
        Text = button.Text,
        Value = button.Value?.DeepClone(),
        ChannelData = new JsonObject { ["messageBack"] = new JsonObject { ["displayText"] = button.DisplayText } },
    });

    private async Task<BotReply> Run(Activity activity)
    {
        activity.Id = $"{_conversationId}|{_sequence++:D7}";
        activity.ChannelId = "test";
        activity.ServiceUrl = "http://127.0.0.1/";
        activity.Locale = locale;
        activity.From = new ChannelAccount { Id = "customer", Role = RoleTypes.User };
        activity.Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot };
        activity.Conversation = new ConversationAccount { Id = _conversationId };
        var before = sender.Sent.Count;
        await runner.ProcessAsync(activity, sender, CancellationToken.None);
        var replies = sender.Sent.Skip(before).Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.True(replies.Count == 1, $"expected one reply to '{activity.Text}', got {replies.Count}");
        return new BotReply(replies[0]);
    }
}

/// <summary>Assertions that read like the conversation script.</summary>
public static class BotReplyExpectations
{
    public static async Task<BotReply> ExpectReply(this Task<BotReply> turn, Func<BotReply, bool> expectation, string? because = null)
    {
        var reply = await turn;
        Assert.True(expectation(reply), $"{because ?? "unexpected reply"}: route={reply.Route} intent={reply.Intent} language={reply.Language} faq={reply.FaqId} text={reply.Text}");
        return reply;
    }
}
