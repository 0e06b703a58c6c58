using System.Text.Json.Nodes;
using ChatService.Transcripts.Masking;

namespace ChatService.Tests.Transcripts;

public sealed class ActivityJsonMaskerTests
{
    private readonly ActivityJsonMasker _masker = new(new PiiMasker());

    [Fact]
    public void Mask_MasksFreeTextEverywhereButKeepsPlumbing()
    {
        var json = JsonNode.Parse("""
            {"type":"message","id":"13812345678","timestamp":"2026-01-01T00:00:00.0000000Z","text":"tel 13812345678",
             "suggestedActions":{"actions":[{"type":"imBack","title":"P12345678","value":"P12345678"}]},
             "attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"title":"zs@example.com"}}],
             "channelData":{"chatservice":{"intent":"policy_lookup","route":"flow:policy_lookup","confidence":0.9,
               "entities":[{"type":"phone","value":"13812345678"}]}}}
            """)!;

        var masked = _masker.Mask(json)!.ToJsonString();

        Assert.DoesNotContain("tel 13812345678", masked);
        Assert.Contains("\"id\":\"13812345678\"", masked); // plumbing: kept (see README, known limit)
        Assert.Contains("\"title\":\"*****5678\"", masked);
        Assert.Contains("z***@example.com", masked);
        Assert.Contains("\"value\":\"138****5678\"", masked);
        Assert.Contains("\"route\":\"flow:policy_lookup\"", masked);
        Assert.Contains("\"confidence\":0.9", masked);
    }
}
