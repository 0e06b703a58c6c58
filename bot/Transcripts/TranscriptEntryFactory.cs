using System.Text.Json;
using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Transcripts.Masking;

namespace ChatService.Transcripts;

/// <summary>
/// Turns a live activity into what is stored: a masked deep copy, the columns review filters on, and
/// (only when a key is configured) the encrypted original. Never mutates the live activity.
/// </summary>
public sealed class TranscriptEntryFactory(PiiMasker masker, TranscriptEncryption? encryption, TimeProvider clock)
{
    private const string DiagnosticsKey = "chatservice";
    private readonly ActivityJsonMasker _jsonMasker = new(masker);

    public TranscriptEntry Create(Activity activity, TranscriptDirection direction)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
            throw new ArgumentException("A transcript activity needs conversation.id.", nameof(activity));
        var originalJson = ProtocolJson.Serialize(activity);
        var node = JsonNode.Parse(originalJson)!.AsObject();
        // As the Bot Framework transcript logger does: an activity without id gets g_<guid>, and an inbound
        // activity without from.role came from the user.
        var activityId = string.IsNullOrEmpty(activity.Id) ? $"g_{Guid.NewGuid():N}" : activity.Id;
        node["id"] = activityId;
        var fromRole = activity.From?.Role;
        if (string.IsNullOrEmpty(fromRole) && direction == TranscriptDirection.Inbound && activity.From is not null)
            node["from"]!["role"] = fromRole = RoleTypes.User;
        _jsonMasker.Mask(node);
        var diagnostics = (node["channelData"] as JsonObject)?[DiagnosticsKey] as JsonObject;
        return new TranscriptEntry
        {
            ConversationId = conversationId,
            ChannelId = activity.ChannelId ?? "",
            ActivityId = activityId,
            Direction = direction,
            ActivityType = activity.Type ?? "",
            FromId = activity.From?.Id,
            FromRole = fromRole,
            RecordedAt = clock.GetUtcNow(),
            ActivityTimestamp = activity.Timestamp,
            MaskedText = activity.Text is null ? null : masker.Mask(activity.Text),
            MaskedActivityJson = node.ToJsonString(ProtocolJson.Options),
            DiagnosticsJson = diagnostics?.ToJsonString(ProtocolJson.Options),
            Route = diagnostics?["route"] is JsonValue route && route.GetValueKind() == JsonValueKind.String ? route.GetValue<string>() : null,
            EncryptedOriginal = encryption?.Encrypt(originalJson, conversationId),
        };
    }
}
