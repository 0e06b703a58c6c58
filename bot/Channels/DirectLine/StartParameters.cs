using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatService.Channels.DirectLine;

/// <summary>The optional body of token generation and conversation start: <c>{"user":{"id","name"},"locale"}</c>.</summary>
public sealed partial record StartParameters(string? UserId, string? UserName, string? Locale)
{
    public static readonly StartParameters None = new(null, null, null);

    /// <summary>Parses and checks the body; an error message when it is malformed.</summary>
    public static string? TryParse(ReadOnlySpan<byte> body, out StartParameters parameters)
    {
        parameters = None;
        if (body.Trim(" \r\n\t"u8).IsEmpty) return null;
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body.ToArray()).RootElement;
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }
        if (root.ValueKind != JsonValueKind.Object) return "The body must be a JSON object.";
        string? userId = null, userName = null, locale = null;
        if (root.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            userId = String(user, "id");
            userName = String(user, "name");
        }
        locale = String(root, "locale");
        if (userId is not null && !UserIdPattern().IsMatch(userId)) return "user.id must be 1-64 letters, digits or -_.:@ characters.";
        if (userName is { Length: > 100 }) return "user.name is too long.";
        if (locale is not null && !LocalePattern().IsMatch(locale)) return "locale must be a BCP-47 language tag.";
        parameters = new StartParameters(userId, userName, locale);
        return null;
    }

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    [GeneratedRegex(@"^[A-Za-z0-9\-_.:@]{1,64}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$")]
    private static partial Regex LocalePattern();
}
