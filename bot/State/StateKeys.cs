namespace ChatService.State;

/// <summary>The one storage-key scheme. Every room builds its keys here.</summary>
public static class StateKeys
{
    public static string Conversation(string conversationId) => $"conv:{conversationId}";
    public static string User(string channelId, string userId) => $"user:{channelId}:{userId}";
    public static string Lock(string conversationId) => $"lock:{conversationId}";
    public static string DirectLineConversation(string conversationId) => $"dl:conv:{conversationId}";
    public static string DirectLineStream(string conversationId) => $"dl:stream:{conversationId}";
    public static string ConversationReference(string conversationId) => $"ref:{conversationId}";
}
