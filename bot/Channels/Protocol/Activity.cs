using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatService.Channels.Protocol;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Property names are the protocol's exact camelCase
/// names; fields we do not model are kept in <see cref="Properties"/> and written back unchanged.
/// </summary>
public sealed class Activity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; set; }
    [JsonPropertyName("localTimezone")] public string? LocalTimezone { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    [JsonPropertyName("attachmentLayout")] public string? AttachmentLayout { get; set; }
    [JsonPropertyName("membersAdded")] public List<ChannelAccount>? MembersAdded { get; set; }
    [JsonPropertyName("membersRemoved")] public List<ChannelAccount>? MembersRemoved { get; set; }
    [JsonPropertyName("reactionsAdded")] public List<JsonObject>? ReactionsAdded { get; set; }
    [JsonPropertyName("reactionsRemoved")] public List<JsonObject>? ReactionsRemoved { get; set; }
    [JsonPropertyName("topicName")] public string? TopicName { get; set; }
    [JsonPropertyName("historyDisclosed")] public bool? HistoryDisclosed { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("speak")] public string? Speak { get; set; }
    [JsonPropertyName("inputHint")] public string? InputHint { get; set; }
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("suggestedActions")] public SuggestedActions? SuggestedActions { get; set; }
    [JsonPropertyName("attachments")] public List<Attachment>? Attachments { get; set; }
    [JsonPropertyName("entities")] public List<Entity>? Entities { get; set; }
    [JsonPropertyName("channelData")] public JsonNode? ChannelData { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("valueType")] public string? ValueType { get; set; }
    [JsonPropertyName("value")] public JsonNode? Value { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("relatesTo")] public ConversationReference? RelatesTo { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("expiration"), JsonConverter(typeof(UtcTimestampConverter))] public DateTimeOffset? Expiration { get; set; }
    [JsonPropertyName("importance")] public string? Importance { get; set; }
    [JsonPropertyName("deliveryMode")] public string? DeliveryMode { get; set; }
    [JsonPropertyName("listenFor")] public List<string>? ListenFor { get; set; }
    [JsonPropertyName("textHighlights")] public List<JsonObject>? TextHighlights { get; set; }
    [JsonPropertyName("semanticAction")] public JsonObject? SemanticAction { get; set; }

    /// <summary>Fields this model does not name; preserved on a read-then-write round trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A reply addressed back to the sender of this activity, in the same conversation.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId },
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = RoleTypes.Bot },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, Role = From.Role },
        ReplyToId = Id,
        Locale = Locale,
    };

    /// <summary>The reference a proactive send needs to reach this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId ?? "",
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>Returns <c>channelData</c> as an object, creating it when absent or not an object.</summary>
    public JsonObject EnsureChannelData()
    {
        if (ChannelData is JsonObject obj) return obj;
        obj = [];
        ChannelData = obj;
        return obj;
    }
}
