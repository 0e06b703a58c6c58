using ChatService.Channels.Protocol;
using ChatService.Nlu;

namespace ChatService.Dialogs;

/// <summary>The main menu offered as suggested actions, in the customer's language.</summary>
public static class HelpMenu
{
    private static readonly (string Intent, string Zh, string En)[] Items =
    [
        (Intents.ClaimReport, "报案理赔", "Report a claim"),
        (Intents.ClaimStatus, "理赔进度", "Claim status"),
        (Intents.PolicyLookup, "保单查询", "My policy"),
        (Intents.Complaint, "投诉建议", "Make a complaint"),
        (Intents.Faq, "常见问题", "FAQ"),
        (Intents.HumanAgent, "转人工", "Talk to a person"),
    ];

    public static SuggestedActions For(string language) => new()
    {
        Actions = Items.Select(i => new ButtonValue(Intent: i.Intent).ToAction(Localizer.Say(language, i.Zh, i.En))).ToList(),
    };

    /// <summary>The menu label of an intent, for clarification buttons.</summary>
    public static string Label(string intent, string language)
    {
        foreach (var item in Items)
            if (item.Intent == intent) return Localizer.Say(language, item.Zh, item.En);
        return intent switch
        {
            Intents.Greeting => Localizer.Say(language, "打个招呼", "Say hello"),
            Intents.Thanks => Localizer.Say(language, "表示感谢", "Say thanks"),
            Intents.Goodbye => Localizer.Say(language, "结束对话", "End the chat"),
            _ => Localizer.Say(language, "其他问题", "Something else"),
        };
    }
}
