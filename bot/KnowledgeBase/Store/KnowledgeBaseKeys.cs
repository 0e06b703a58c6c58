namespace ChatService.KnowledgeBase.Store;

/// <summary>The KnowledgeBase room's keys in the shared state store (same scheme as <c>StateKeys</c>).</summary>
public static class KnowledgeBaseKeys
{
    /// <summary>The number of the latest publish; every instance polls it and reloads its index when it changes.</summary>
    public const string PublishNumber = "kb:publish";
}
