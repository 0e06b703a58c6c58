using System.Text.Json.Nodes;

namespace ChatService.Transcripts.Masking;

/// <summary>
/// Masks every string value of an activity's JSON (text, cards, suggested actions, channelData, entities…),
/// except protocol plumbing (ids, types, timestamps, urls) that carries no personal information and that
/// review needs intact to follow a conversation.
/// </summary>
public sealed class ActivityJsonMasker(PiiMasker masker)
{
    private static readonly HashSet<string> Plumbing = new(StringComparer.Ordinal)
    {
        "type", "id", "channelId", "serviceUrl", "replyToId", "timestamp", "localTimestamp", "localTimezone",
        "locale", "role", "conversationType", "tenantId", "aadObjectId", "contentType", "contentUrl", "thumbnailUrl",
        "textFormat", "attachmentLayout", "inputHint", "valueType", "deliveryMode", "importance", "expiration",
        "language", "intent", "route", "faqId",
    };

    public JsonNode? Mask(JsonNode? node) => MaskNode(node, propertyName: null);

    private JsonNode? MaskNode(JsonNode? node, string? propertyName)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var masked = MaskNode(child, name);
                    if (!ReferenceEquals(masked, child)) obj[name] = masked;
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var masked = MaskNode(child, propertyName);
                    if (!ReferenceEquals(masked, child)) array[i] = masked;
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (propertyName is not null && Plumbing.Contains(propertyName)) return value;
                var result = masker.Mask(text);
                return result == text ? value : JsonValue.Create(result);
            default:
                return node;
        }
    }
}
