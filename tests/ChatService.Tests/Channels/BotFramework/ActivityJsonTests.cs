using System.Text.Json.Nodes;
using ChatService.Channels.BotFramework;
using ChatService.Channels.Protocol;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>Activities from the protocol digest (§1.9, §2.4, §6.2), plus fields we do not model, survive a read-then-write.</summary>
public sealed class ActivityJsonTests
{
    public static TheoryData<string> DigestActivities() => new()
    {
        // §1.9 user message, with unknown fields at the top level and inside from/conversation/channelData
        """
        { "type": "message", "id": "Hk3p9XeF2aL-us|0000003", "timestamp": "2025-01-10T09:15:02.123Z",
          "localTimestamp": "2025-01-10T10:15:01.900+01:00", "localTimezone": "Europe/Berlin",
          "serviceUrl": "https://host.example.com/", "channelId": "directline",
          "from": { "id": "dl_7f3c2a", "name": "Ada", "role": "user", "futureAccountField": { "x": [1, 2] } },
          "conversation": { "id": "Hk3p9XeF2aL-us", "unknownFlag": true },
          "recipient": { "id": "my-bot", "name": "My Bot", "role": "bot" }, "locale": "de-DE", "text": "Hallo",
          "channelData": { "clientActivityID": "1736500501900abc" }, "futureTopLevel": { "nested": { "deep": "yes" } },
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true } ] }
        """,
        // §1.9 bot reply with a hero card and suggested actions; unknown fields on the attachment and a button
        """
        { "type": "message", "from": { "id": "my-bot", "name": "My Bot" }, "conversation": { "id": "Hk3p9XeF2aL-us" },
          "recipient": { "id": "dl_7f3c2a" }, "replyToId": "Hk3p9XeF2aL-us|0000003", "inputHint": "expectingInput",
          "text": "Pick a topic",
          "attachments": [ { "contentType": "application/vnd.microsoft.card.hero", "x-extra": 5,
            "content": { "title": "Support", "buttons": [ { "type": "openUrl", "title": "FAQ", "value": "https://example.com/faq" } ] } } ],
          "suggestedActions": { "actions": [ { "type": "imBack", "title": "Billing", "value": "Billing", "x-button": "kept" },
            { "type": "postBack", "title": "Agent", "value": "talk_to_agent" } ], "x-actions": 1 } }
        """,
        // §1.9 conversationUpdate
        """
        { "type": "conversationUpdate", "channelId": "directline", "serviceUrl": "https://host.example.com/",
          "conversation": { "id": "Hk3p9XeF2aL-us" }, "recipient": { "id": "my-bot" }, "from": { "id": "dl_7f3c2a" },
          "membersAdded": [ { "id": "my-bot" }, { "id": "dl_7f3c2a", "x-member": "kept" } ] }
        """,
        // §1.9 event
        """
        { "type": "event", "name": "webchat/join", "value": { "language": "de-DE" },
          "from": { "id": "dl_7f3c2a", "role": "user" }, "conversation": { "id": "Hk3p9XeF2aL-us" } }
        """,
        // §6.2 handoff.initiate with an inline transcript attachment
        """
        { "type": "event", "name": "handoff.initiate", "conversation": { "id": "Hk3p9XeF2aL-us" },
          "replyToId": "Hk3p9XeF2aL-us|0000007", "value": { "skill": "billing", "summary": "Refund question" },
          "attachments": [ { "contentType": "application/json", "name": "Transcript",
            "content": { "activities": [ { "type": "message", "text": "I want a refund" } ] } } ] }
        """,
        // a reaction, a trace and an expiring, important message
        """
        { "type": "messageReaction", "conversation": { "id": "c" }, "reactionsAdded": [ { "type": "like", "x": 1 } ] }
        """,
        """
        { "type": "trace", "name": "dialog", "label": "step", "valueType": "https://example.com/t", "value": { "a": 1 },
          "expiration": "2025-01-10T09:20:00.000Z", "importance": "high", "deliveryMode": "expectReplies",
          "relatesTo": { "activityId": "1", "channelId": "directline", "conversation": { "id": "c" }, "x-ref": 2 },
          "conversation": { "id": "c" } }
        """,
    };

    [Theory]
    [MemberData(nameof(DigestActivities))]
    public void RoundTrip_DigestActivityWithUnknownFields_IsSemanticallyEqual(string json)
    {
        var activity = ProtocolJson.Deserialize<Activity>(json)!;
        var written = ProtocolJson.Serialize(activity);

        JsonAssert.SemanticallyEqual(JsonNode.Parse(json)!, JsonNode.Parse(written)!);
    }

    [Fact]
    public void Serialize_TimestampWithOffset_IsWrittenInUtcWithZ()
    {
        var activity = ProtocolJson.Deserialize<Activity>("""{ "type": "message", "timestamp": "2025-01-10T17:15:02.123+08:00", "expiration": "2025-01-11T00:00:00+08:00" }""")!;
        var written = JsonNode.Parse(ProtocolJson.Serialize(activity))!;

        Assert.EndsWith("Z", written["timestamp"]!.GetValue<string>());
        Assert.EndsWith("Z", written["expiration"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 9, 15, 2, 123, TimeSpan.Zero), DateTimeOffset.Parse(written["timestamp"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(InputHints.AcceptingInput)]
    [InlineData(InputHints.ExpectingInput)]
    [InlineData(InputHints.IgnoringInput)]
    [InlineData("accepting")] // the spec prose's form: unknown to us, kept as sent (receivers treat it as accepting)
    public void RoundTrip_InputHint_KeepsTheWireValue(string inputHint)
    {
        var activity = ProtocolJson.Deserialize<Activity>($$"""{ "type": "message", "inputHint": "{{inputHint}}" }""")!;
        Assert.Equal(inputHint, JsonNode.Parse(ProtocolJson.Serialize(activity))!["inputHint"]!.GetValue<string>());
    }

    [Fact]
    public void InputHints_AreTheConnectorWireValues() =>
        Assert.Equal(["acceptingInput", "expectingInput", "ignoringInput"], [InputHints.AcceptingInput, InputHints.ExpectingInput, InputHints.IgnoringInput]);

    [Fact]
    public void CallerId_Set_ReplacesAWireValueAndNullRemovesIt()
    {
        var activity = ProtocolJson.Deserialize<Activity>("""{ "type": "message", "callerId": "urn:botframework:forged" }""")!;

        CallerId.Set(activity, "urn:botframework:azure");
        Assert.Equal("urn:botframework:azure", CallerId.Get(activity));
        CallerId.Set(activity, null);
        Assert.Null(JsonNode.Parse(ProtocolJson.Serialize(activity))!["callerId"]);
    }
}
