using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>
/// Compares JSON documents by meaning: same members and values, member order ignored, and the protocol's
/// date fields compared as instants (a writer may print <c>.123Z</c> as <c>.1230000Z</c>).
/// </summary>
public static class JsonAssert
{
    private static readonly HashSet<string> DateFields = ["timestamp", "localTimestamp", "expiration"];

    public static void SemanticallyEqual(JsonNode expected, JsonNode actual) => Compare(expected, actual, "$", null);

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, string? member)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject obj:
                var other = Assert.IsType<JsonObject>(actual);
                Assert.True(obj.Select(p => p.Key).Order().SequenceEqual(other.Select(p => p.Key).Order()),
                    $"{path}: members differ: [{string.Join(",", obj.Select(p => p.Key))}] vs [{string.Join(",", other.Select(p => p.Key))}]");
                foreach (var (key, value) in obj) Compare(value, other[key], $"{path}.{key}", key);
                break;
            case JsonArray array:
                var otherArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(array.Count, otherArray.Count);
                for (var i = 0; i < array.Count; i++) Compare(array[i], otherArray[i], $"{path}[{i}]", null);
                break;
            default:
                Assert.NotNull(actual);
                if (member is not null && DateFields.Contains(member) && expected.GetValueKind() == JsonValueKind.String)
                {
                    var a = DateTimeOffset.Parse(expected.GetValue<string>(), CultureInfo.InvariantCulture);
                    var b = DateTimeOffset.Parse(actual!.GetValue<string>(), CultureInfo.InvariantCulture);
                    Assert.True(a == b && a.Offset == b.Offset || member != "localTimestamp" && a == b, $"{path}: {a:O} vs {b:O}");
                }
                else Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {expected.ToJsonString()} vs {actual!.ToJsonString()}");
                break;
        }
    }
}
