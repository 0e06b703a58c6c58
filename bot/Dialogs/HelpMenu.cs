using ChatService.Channels.Protocol;

namespace ChatService.Dialogs;

/// <summary>The main menu offered as suggested actions, in the customer's language.</summary>
public static class HelpMenu
{
    public static SuggestedActions For(bool chinese) => new()
    {
        Actions = chinese
            ? [CardAction.ImBack("报案理赔"), CardAction.ImBack("理赔进度"), CardAction.ImBack("保单查询"),
               CardAction.ImBack("投诉建议"), CardAction.ImBack("常见问题"), CardAction.ImBack("转人工")]
            : [CardAction.ImBack("Report a claim"), CardAction.ImBack("Claim status"), CardAction.ImBack("My policy"),
               CardAction.ImBack("Make a complaint"), CardAction.ImBack("FAQ"), CardAction.ImBack("Talk to a person")],
    };
}
