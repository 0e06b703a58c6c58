using ChatService.Hosting;

namespace ChatService.Tests.KnowledgeBase;

/// <summary>Paths of the repository's own content, for tests that validate it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = ContentPaths.FindContentRoot();
    public static string Faq => Path.Combine(Root, "knowledge-base", "faq");
    public static string Eval => Path.Combine(Root, "knowledge-base", "eval");
}
