using System.Text.Json.Nodes;
using ChatService.Channels.Protocol;

namespace ChatService.Dialogs;

/// <summary>
/// What a button the bot offered carries back: a chosen intent, a chosen FAQ entry, "none of these", or feedback
/// (on an FAQ entry or a manual passage).
/// Buttons are <c>messageBack</c> actions, so the customer sees the label while the bot reads the exact choice.
/// </summary>
public sealed record ButtonValue(string? Intent = null, string? FaqId = null, bool NoneOfThese = false, string? Feedback = null, string? PassageId = null)
{
    private const string Key = "chatservice";

    public static ButtonValue? From(Activity activity)
    {
        if (activity.Value is not JsonObject root || root[Key] is not JsonObject value) return null;
        return new ButtonValue(
            (string?)value["intent"], (string?)value["faqId"], value["none"]?.GetValue<bool>() == true, (string?)value["feedback"],
            (string?)value["passageId"]);
    }

    /// <summary>
    /// The 👍/👎 pair under an answer (an FAQ entry's or a manual passage's), labelled in words as well: an emoji alone
    /// shows as an empty box where no emoji font is installed, and a screen reader reads out "thumbs up".
    /// </summary>
    public static List<CardAction> FeedbackPair(string language, string? faqId = null, string? passageId = null) =>
    [
        new ButtonValue(FaqId: faqId, Feedback: "up", PassageId: passageId).ToAction(Localizer.Say(language, "👍 有帮助", "👍 Helpful")),
        new ButtonValue(FaqId: faqId, Feedback: "down", PassageId: passageId).ToAction(Localizer.Say(language, "👎 没帮助", "👎 Not helpful")),
    ];

    public CardAction ToAction(string label) => new()
    {
        Type = ActionTypes.MessageBack,
        Title = label,
        Text = label,
        DisplayText = label,
        Value = new JsonObject
        {
            [Key] = new JsonObject
            {
                ["intent"] = Intent,
                ["faqId"] = FaqId,
                ["none"] = NoneOfThese ? true : null,
                ["feedback"] = Feedback,
                ["passageId"] = PassageId,
            },
        },
    };
}
