using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ChatService.Channels.DirectLine;

/// <summary>The shapes of upload ids. Conversation ids we issue are base64url; anything else never reaches a store.</summary>
public static partial class UploadIds
{
    public static string NewFileId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsConversationId(string conversationId) => SafeIdPattern().IsMatch(conversationId);

    public static bool IsFileId(string fileId) => FileIdPattern().IsMatch(fileId);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex FileIdPattern();
}
