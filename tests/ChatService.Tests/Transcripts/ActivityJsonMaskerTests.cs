using System.Text;
using System.Text.Json.Nodes;
using ChatService.Transcripts.Masking;

namespace ChatService.Tests.Transcripts;

public sealed class ActivityJsonMaskerTests
{
    private readonly ActivityJsonMasker _masker = new(new PiiMasker());

    [Fact]
    public void Mask_MasksFreeTextEverywhereButKeepsPlumbing()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"type":"message","id":"13812345678","timestamp":"2026-01-01T00:00:00.0000000Z","text":"tel 13812345678",
             "suggestedActions":{"actions":[{"type":"imBack","title":"P12345678","value":"P12345678"}]},
             "attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"title":"zs@example.com"}}],
             "channelData":{"chatservice":{"intent":"policy_lookup","route":"flow:policy_lookup","confidence":0.9,
               "entities":[{"type":"phone","value":"13812345678"}]}}}
            """);

        var masked = _masker.Mask(json, "13812345678", fromRole: null).Json;

        Assert.DoesNotContain("tel 13812345678", masked);
        Assert.Contains("\"id\":\"13812345678\"", masked); // plumbing: kept (see README, known limit)
        Assert.Contains("\"title\":\"*****5678\"", masked);
        Assert.Contains("z***@example.com", masked);
        Assert.Contains("\"value\":\"138****5678\"", masked);
        Assert.Contains("\"route\":\"flow:policy_lookup\"", masked);
        Assert.Contains("\"confidence\":0.9", masked);
    }

    [Fact]
    public void Mask_SetsIdAndFromRoleAndLiftsDiagnostics()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"type":"message","from":{"id":"u1","name":"Zhang 13812345678"},"text":"P12345678",
             "entities":[["13812345678",{"type":"x","id":"13812345678"}]],
             "channelData":{"other":{"route":"13812345678"},"chatservice":{"route":"faq","entities":[{"value":"13812345678"}]}}}
            """);

        var masked = _masker.Mask(json, "g_1", fromRole: "user");

        var node = JsonNode.Parse(masked.Json)!;
        Assert.Equal("g_1", (string?)node["id"]);
        Assert.Equal("user", (string?)node["from"]!["role"]);
        Assert.Equal("Zhang 138****5678", (string?)node["from"]!["name"]);
        Assert.Equal("*****5678", masked.Text);
        Assert.Equal("138****5678", (string?)node["entities"]![0]![0]); // array elements answer to the array's name
        Assert.Equal("13812345678", (string?)node["entities"]![0]![1]!["id"]);
        Assert.Equal("13812345678", (string?)node["channelData"]!["other"]!["route"]); // plumbing by name, wherever it is
        Assert.Equal("faq", masked.Route);
        Assert.Equal("""{"route":"faq","entities":[{"value":"138****5678"}]}""", masked.DiagnosticsJson);
    }

    [Fact]
    public void Mask_ReplacesAnEmptyIdAndRoleInPlace()
    {
        var masked = _masker.Mask(Encoding.UTF8.GetBytes("""{"id":"","from":{"role":"","id":"u"},"type":"message"}"""), "g_2", fromRole: "user");

        Assert.Equal("""{"id":"g_2","from":{"role":"user","id":"u"},"type":"message"}""", masked.Json);
        Assert.Null(masked.Text);
        Assert.Null(masked.DiagnosticsJson);
    }
}
