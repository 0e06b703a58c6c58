using System.Buffers;
using System.Text;
using System.Text.Json;
using ChatService.Channels.Protocol;

namespace ChatService.Transcripts.Masking;

/// <summary>What <see cref="ActivityJsonMasker"/> makes of an activity's wire JSON.</summary>
/// <param name="Json">The masked activity.</param>
/// <param name="Text">The masked top-level <c>text</c>, or null when there is none.</param>
/// <param name="DiagnosticsJson">The masked <c>channelData.chatservice</c> object, or null.</param>
/// <param name="Route">Its <c>route</c> string, or null.</param>
public readonly record struct MaskedActivity(string Json, string? Text, string? DiagnosticsJson, string? Route);

/// <summary>
/// Masks every string value of an activity's JSON (text, cards, suggested actions, channelData, entities…),
/// except protocol plumbing (ids, types, timestamps, urls) that carries no personal information and that
/// review needs intact to follow a conversation. One pass from reader to writer: a turn logs two activities,
/// and building a JSON tree of each to walk it cost more than the rest of the transcript path.
/// </summary>
public sealed class ActivityJsonMasker(PiiMasker masker)
{
    private const string DiagnosticsKey = "chatservice";

    private static readonly HashSet<string> Plumbing = new(StringComparer.Ordinal)
    {
        "type", "id", "channelId", "serviceUrl", "replyToId", "timestamp", "localTimestamp", "localTimezone",
        "locale", "role", "conversationType", "tenantId", "aadObjectId", "contentType", "contentUrl", "thumbnailUrl",
        "textFormat", "attachmentLayout", "inputHint", "valueType", "deliveryMode", "importance", "expiration",
        "language", "intent", "route", "faqId",
    };

    // Where a container sits, as far as the transcript cares: the activity itself, its from, its channelData, our diagnostics.
    private enum Place : byte { Other, Root, From, ChannelData, Diagnostics }

    private sealed class Frame(Place place, bool isArray, string? elementName)
    {
        public Place Place { get; } = place;
        public bool IsArray { get; } = isArray;
        /// <summary>For an array: the name of the property that holds it, which its elements answer to.</summary>
        public string? ElementName { get; } = elementName;
        /// <summary>Whether the key we set (the activity's <c>id</c>, <c>from.role</c>) was already there.</summary>
        public bool SawKey { get; set; }
    }

    /// <summary>
    /// Masks <paramref name="utf8Json"/> (an activity object), setting the top-level <c>id</c> to
    /// <paramref name="activityId"/> and, when <paramref name="fromRole"/> is given, <c>from.role</c> to it.
    /// </summary>
    public MaskedActivity Mask(ReadOnlySpan<byte> utf8Json, string activityId, string? fromRole)
    {
        var output = new ArrayBufferWriter<byte>(utf8Json.Length + 64);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ProtocolJson.Options.Encoder, SkipValidation = true });
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = ProtocolJson.Options.MaxDepth });
        var stack = new Stack<Frame>();
        string? property = null, text = null, route = null;
        long diagnosticsStart = -1, diagnosticsEnd = -1;
        while (reader.Read())
        {
            var parent = stack.Count == 0 ? null : stack.Peek();
            var place = parent?.Place ?? Place.Other;
            var name = parent is null ? null : parent.IsArray ? parent.ElementName : property;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    if (place == Place.Root && property == "id" || place == Place.From && property == "role" && fromRole is not null)
                        parent!.SawKey = true;
                    writer.WritePropertyName(property);
                    break;
                case JsonTokenType.StartObject:
                    var child = parent is null ? Place.Root : parent.IsArray ? Place.Other : Child(place, name);
                    if (child == Place.Diagnostics) diagnosticsStart = Position(writer);
                    stack.Push(new Frame(child, isArray: false, elementName: null));
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.StartArray:
                    stack.Push(new Frame(Place.Other, isArray: true, elementName: name));
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndObject:
                    var ended = stack.Pop();
                    if (ended.Place == Place.Root && !ended.SawKey) writer.WriteString("id", activityId);
                    if (ended.Place == Place.From && fromRole is not null && !ended.SawKey) writer.WriteString("role", fromRole);
                    writer.WriteEndObject();
                    if (ended.Place == Place.Diagnostics) diagnosticsEnd = Position(writer);
                    break;
                case JsonTokenType.EndArray:
                    stack.Pop();
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.String:
                    var value = reader.GetString()!;
                    if (place == Place.Root && name == "id") value = activityId;
                    else if (place == Place.From && name == "role" && fromRole is not null) value = fromRole;
                    else if (name is null || !Plumbing.Contains(name)) value = masker.Mask(value);
                    if (place == Place.Root && name == "text") text = value;
                    if (place == Place.Diagnostics && name == "route") route = value;
                    writer.WriteStringValue(value);
                    break;
                default:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
            }
        }
        writer.Flush();
        var json = output.WrittenSpan;
        var diagnostics = diagnosticsStart >= 0 && diagnosticsEnd > diagnosticsStart
            ? Encoding.UTF8.GetString(json[(int)diagnosticsStart..(int)diagnosticsEnd]) : null;
        return new MaskedActivity(Encoding.UTF8.GetString(json), text, diagnostics, route);
    }

    private static Place Child(Place parent, string? property) => (parent, property) switch
    {
        (Place.Root, "from") => Place.From,
        (Place.Root, "channelData") => Place.ChannelData,
        (Place.ChannelData, DiagnosticsKey) => Place.Diagnostics,
        _ => Place.Other,
    };

    private static long Position(Utf8JsonWriter writer) => writer.BytesCommitted + writer.BytesPending;
}
