using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatService.Bench;

/// <summary>
/// The request bodies of one conversation: everything but the turn number and the timestamp is serialized once,
/// so the load generator spends its share of the machine's cores on sending, not on building JSON.
/// </summary>
public sealed class ActivityBodies(string conversationId, IReadOnlyList<string> texts)
{
    private readonly string _conversation = JsonSerializer.Serialize(conversationId);
    private readonly string _from = JsonSerializer.Serialize("user-" + conversationId);
    private readonly string[] _texts = [.. texts.Select(text => JsonSerializer.Serialize(text))];

    public byte[] For(int turn) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"message","id":{{JsonSerializer.Serialize($"{conversationId}|{turn:D7}")}},"timestamp":"{{DateTimeOffset.UtcNow:O}}","channelId":"bench","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","from":{"id":{{_from}},"role":"user"},"recipient":{"id":"bot","role":"bot"},"conversation":{"id":{{_conversation}}},"text":{{_texts[turn % _texts.Length]}}}"""));
}
