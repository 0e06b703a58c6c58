using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatService.Channels.Protocol;

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; set; }
    [JsonPropertyName("content")] public JsonNode? Content { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("thumbnailUrl")] public string? ThumbnailUrl { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A button: on a card or as a suggested action.</summary>
public sealed class CardAction
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("image")] public string? Image { get; set; }
    [JsonPropertyName("imageAltText")] public string? ImageAltText { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("displayText")] public string? DisplayText { get; set; }
    [JsonPropertyName("value")] public JsonNode? Value { get; set; }
    [JsonPropertyName("channelData")] public JsonNode? ChannelData { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An <c>imBack</c> button: clicking it sends <paramref name="value"/> as the customer's message.</summary>
    public static CardAction ImBack(string title, string? value = null) =>
        new() { Type = ActionTypes.ImBack, Title = title, Value = JsonValue.Create(value ?? title) };
}

/// <summary>Buttons shown under a message until the customer replies.</summary>
public sealed class SuggestedActions
{
    [JsonPropertyName("to")] public List<string>? To { get; set; }
    [JsonPropertyName("actions")] public List<CardAction> Actions { get; set; } = [];
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Metadata about an activity, keyed by <c>type</c>; every other field is preserved.</summary>
public sealed class Entity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}
