namespace ChatService.State;

/// <summary>The one storage-key scheme. Every room builds its keys in the shared state store here.</summary>
public static class StateKeys
{
    public static string Conversation(string conversationId) => $"conv:{conversationId}";
    public static string Lock(string conversationId) => $"lock:{conversationId}";
    public static string DirectLineConversation(string conversationId) => $"dl:conv:{conversationId}";
    public static string DirectLineStream(string conversationId) => $"dl:stream:{conversationId}";

    /// <summary>An uploaded file's bytes and its description (content type, name, length).</summary>
    public static string DirectLineUpload(string conversationId, string fileId) => $"dl:upload:{conversationId}:{fileId}";
    public static string DirectLineUploadInfo(string conversationId, string fileId) => $"dl:upload-info:{conversationId}:{fileId}";

    /// <summary>A Connector serviceUrl that arrived with a validated token (trusted for proactive sends).</summary>
    public static string TrustedServiceUrl(string normalizedServiceUrl) => $"botframework:serviceurl:{normalizedServiceUrl}";

    /// <summary>The number of the latest knowledge-base publish; every instance polls it and reloads when it changes.</summary>
    public const string KnowledgeBasePublish = "kb:publish";

    /// <summary>👍/👎 counts of one FAQ entry.</summary>
    public static string FaqFeedback(string faqId) => $"kb:feedback:{faqId}";
}
