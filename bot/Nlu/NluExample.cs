namespace ChatService.Nlu;

/// <summary>One labelled utterance: the text, its intent and the language/script it was written in.</summary>
public sealed record NluExample(string Text, string Intent, string Language);

/// <summary>The intent names the bot's routing relies on.</summary>
public static class Intents
{
    public const string Greeting = "greeting";
    public const string Goodbye = "goodbye";
    public const string Thanks = "thanks";
    public const string HumanAgent = "human_agent";
    public const string ClaimReport = "claim_report";
    public const string ClaimStatus = "claim_status";
    public const string Complaint = "complaint";
    public const string PolicyLookup = "policy_lookup";
    public const string Faq = "faq";
    public const string OutOfScope = "out_of_scope";
}
