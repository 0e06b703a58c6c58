namespace ChatService.Pipeline;

/// <summary>Names of the per-turn values that middleware and the bot share through <see cref="ITurnContext.TurnState"/>.</summary>
public static class TurnStateKeys
{
    /// <summary>Set (true) on turns started by <see cref="TurnRunner.ContinueConversationAsync"/>.</summary>
    public const string Proactive = "chatservice.proactive";
}
