using ChatService.Nlu;

namespace ChatService.Dialogs;

/// <summary>Picks the customer's language for a reply; Traditional Chinese is converted from the Simplified text.</summary>
public static class Localizer
{
    public static string Say(string language, string zh, string en) => language switch
    {
        NluLanguages.English => en,
        NluLanguages.TraditionalChinese => ScriptConverter.ToTraditional(zh),
        _ => zh,
    };

    public static bool IsChinese(string language) => language != NluLanguages.English;
}
