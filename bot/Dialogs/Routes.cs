namespace ChatService.Dialogs;

/// <summary>The <c>route</c> values of <c>channelData.chatservice</c>: what the bot decided to do with a turn.</summary>
public static class Routes
{
    public const string Greeting = "greeting";
    public const string Goodbye = "goodbye";
    public const string Thanks = "thanks";
    public const string Handoff = "handoff";
    public const string Faq = "faq";
    public const string Clarify = "clarify";
    public const string Fallback = "fallback";

    public static string Flow(string intent) => $"flow:{intent}";

    /// <summary>Routes on which the bot did not understand the customer (two in a row offer a person).</summary>
    public static bool IsMisunderstanding(string route) => route is Clarify or Fallback;
}
