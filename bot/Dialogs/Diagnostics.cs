using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;
using ChatService.Nlu;

namespace ChatService.Dialogs;

/// <summary>Why the bot answered as it did; every bot reply carries it in <c>channelData.chatservice</c>.</summary>
public sealed record TurnDiagnostics(string Language, string Route, string? Intent = null, double? Confidence = null)
{
    public IReadOnlyList<NluEntity> Entities { get; init; } = [];
    public string? FaqId { get; init; }
    public string? FaqCategory { get; init; }
    public double? Score { get; init; }

    /// <summary>An FAQ entry offered as a button next to a flow or hand-off reply (the question was also one it answers).</summary>
    public string? RelatedFaqId { get; init; }

    /// <summary>The manual passage offered (excerpt) or cited first (grounded answer), its manual and section.</summary>
    public string? PassageId { get; init; }
    public string? Source { get; init; }
    public string? Section { get; init; }

    /// <summary>The passages a grounded answer cites, in order; null when no model composed the answer.</summary>
    public IReadOnlyList<string>? Citations { get; init; }
}

/// <summary>Writes <see cref="TurnDiagnostics"/> into an outgoing activity.</summary>
public static class Diagnostics
{
    public const string Key = "chatservice";

    public static Activity WithDiagnostics(this Activity reply, TurnDiagnostics diagnostics)
    {
        var node = new JsonObject
        {
            ["language"] = diagnostics.Language,
            ["intent"] = diagnostics.Intent,
            ["confidence"] = diagnostics.Confidence is { } c ? Math.Round(c, 4) : null,
            ["route"] = diagnostics.Route,
            ["entities"] = new JsonArray(diagnostics.Entities.Select(e => (JsonNode)new JsonObject
            {
                ["type"] = e.Type, ["text"] = e.Text, ["value"] = e.Value, ["unit"] = e.Unit,
            }).ToArray()),
        };
        if (diagnostics.FaqId is not null)
        {
            node["faqId"] = diagnostics.FaqId;
            node["faqCategory"] = diagnostics.FaqCategory;
            node["score"] = diagnostics.Score is { } s ? Math.Round(s, 4) : null;
        }
        if (diagnostics.RelatedFaqId is not null) node["relatedFaqId"] = diagnostics.RelatedFaqId;
        if (diagnostics.PassageId is not null)
        {
            node["passageId"] = diagnostics.PassageId;
            node["source"] = diagnostics.Source;
            node["section"] = diagnostics.Section;
            node["score"] = diagnostics.Score is { } s ? Math.Round(s, 4) : null;
            if (diagnostics.Citations is { } cited) node["citations"] = new JsonArray(cited.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray());
        }
        reply.EnsureChannelData()[Key] = node;
        return reply;
    }

    /// <summary>The diagnostics of an activity the bot sent, or null.</summary>
    public static JsonObject? Read(Activity activity) => activity.ChannelData?[Key] as JsonObject;
}
