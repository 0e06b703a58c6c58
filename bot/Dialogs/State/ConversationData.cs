namespace ChatService.Dialogs.State;

/// <summary>What the bot remembers about one conversation between turns.</summary>
public sealed class ConversationData
{
    /// <summary>The customer's language and script as last detected: zh-Hans, zh-Hant or en.</summary>
    public string? Language { get; set; }

    /// <summary>Consecutive turns the bot did not understand; two in a row offer a person.</summary>
    public int Misunderstandings { get; set; }

    /// <summary>The customer's last typed question (masked), for the editors' inbox when they click "none of these" or 👎.</summary>
    public string? LastQuestion { get; set; }

    /// <summary>True once the customer was greeted, so a reconnect does not greet twice.</summary>
    public bool Greeted { get; set; }
}
