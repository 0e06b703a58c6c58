using System.Text.Json;
using ChatService.Channels.Protocol;

namespace ChatService.Channels.BotFramework;

/// <summary>
/// The protocol's internal <c>callerId</c>: set by the bot after authenticating the caller; a value that
/// arrived on the wire is discarded. <see cref="Activity"/> keeps it among its unmodelled fields.
/// </summary>
public static class CallerId
{
    public const string Property = "callerId";

    public static void Set(Activity activity, string? callerId)
    {
        activity.Properties?.Remove(Property);
        if (callerId is null) return;
        activity.Properties ??= [];
        activity.Properties[Property] = JsonSerializer.SerializeToElement(callerId);
    }

    public static string? Get(Activity activity) =>
        activity.Properties?.TryGetValue(Property, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
