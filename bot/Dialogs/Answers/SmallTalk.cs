using ChatService.Channels.Protocol;
using Microsoft.Extensions.Options;

namespace ChatService.Dialogs.Answers;

/// <summary>Greetings, goodbyes, thanks, "I can't help with that" and how to reach a person, in the customer's language.</summary>
public sealed class SmallTalk(IOptions<CompanyOptions> company)
{
    private CompanyOptions C => company.Value;

    public Activity Welcome(string language) => Menu(language, Localizer.Say(language,
        $"您好，欢迎来到{C.NameZh}在线客服！我是智能助手{C.BotNameZh}，可以帮您报案理赔、查询理赔进度、查询保单、受理投诉，或解答常见问题。请问有什么可以帮您？",
        $"Hello, welcome to {C.NameEn} customer service! I'm {C.BotNameEn}, the virtual assistant. I can help you report a claim, check a claim, look up your policy, file a complaint, or answer common questions. How can I help?"));

    public Activity Greeting(string language) => Menu(language, Localizer.Say(language,
        "您好！请问有什么可以帮您？您可以直接描述问题，或从下面选择。",
        "Hi! How can I help you today? Describe your question, or pick one of the options below."));

    public Activity Goodbye(string language) => Text(Localizer.Say(language,
        $"感谢您的咨询，祝您生活愉快！如有需要，随时回来找我，或拨打客服热线 {C.Hotline}。",
        $"Thank you for chatting with us. Have a good day! Come back any time, or call {C.Hotline}."), InputHints.AcceptingInput);

    public Activity Thanks(string language) => Text(Localizer.Say(language,
        "不客气！还有其他可以帮您的吗？",
        "You're welcome! Is there anything else I can help with?"), InputHints.ExpectingInput);

    /// <summary>
    /// Until chats can be handed to the agent console, the reply promises no transfer: it says when people are there and
    /// how to reach them (issue #3), and what the bot can still do meanwhile.
    /// </summary>
    public Activity Handoff(string language) => Text(Localizer.Say(language,
        $"需要真人客服的话，{CallHotline(C, language)}，客服人员会直接为您处理。在这之前，我也可以先帮您报案、查询理赔进度或解答常见问题。",
        $"To talk to a person, {CallHotline(C, language)}; they will take care of it directly. Meanwhile I can help you report a claim, check a claim or answer common questions."), InputHints.AcceptingInput);

    /// <summary>"Please call our hotline … (agents are available …)": how to reach a person, in one phrase for every reply that needs it.</summary>
    public static string CallHotline(CompanyOptions company, string language) => Localizer.Say(language,
        $"请拨打客服热线 {company.Hotline}（人工服务时间：{company.ServiceHoursZh}）",
        $"please call our hotline {company.Hotline} (agents are available {company.ServiceHoursEn})");

    public Activity OutOfScope(string language, bool offerPerson) => Menu(language, Localizer.Say(language,
        "抱歉，这个问题我帮不上忙。我可以帮您报案理赔、查询理赔进度、查询保单、受理投诉，或解答保险相关的常见问题。",
        "Sorry, I can't help with that. I can help you report or check a claim, look up your policy, file a complaint, or answer common insurance questions.")
        + PersonHint(language, offerPerson), offerPerson);

    public Activity NotUnderstood(string language, bool offerPerson) => Menu(language, Localizer.Say(language,
        "抱歉，我没有完全理解您的意思。能换个说法，或从下面选择吗？",
        "Sorry, I didn't quite understand. Could you rephrase it, or pick one of the options below?")
        + PersonHint(language, offerPerson), offerPerson);

    /// <summary>A message with files and no words: confirm what arrived and say what to do next.</summary>
    public Activity FilesReceived(string language, IReadOnlyList<string> names)
    {
        var list = string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"`{n.Replace("`", "'")}`"));
        return Menu(language, Localizer.Say(language,
            $"已收到您发送的 {names.Count} 个文件{(list.Length > 0 ? $"（{list}）" : "")}。如果是理赔材料，请告诉我您要报案还是补充已有案件的材料，并提供保单号或案件号。",
            $"We've received your {names.Count} file(s){(list.Length > 0 ? $" ({list})" : "")}. If these are claim documents, tell me whether you're reporting a new claim or adding to an existing one, with the policy or claim number."));
    }

    public Activity StillThere(string language) => Menu(language, Localizer.Say(language,
        "好的。还有其他可以帮您的吗？", "OK. Is there anything else I can help with?"));

    private string PersonHint(string language, bool offerPerson) => offerPerson
        ? Localizer.Say(language, $"\n\n看起来我没能帮到您。需要真人帮忙的话，{CallHotline(C, language)}。",
            $"\n\nIt seems I'm not getting it right. To talk to a person, {CallHotline(C, language)}.")
        : "";

    private static Activity Menu(string language, string text, bool personFirst = false)
    {
        var reply = Text(text, InputHints.ExpectingInput);
        reply.SuggestedActions = HelpMenu.For(language);
        if (personFirst)
        {
            var person = reply.SuggestedActions.Actions[^1];
            reply.SuggestedActions.Actions.RemoveAt(reply.SuggestedActions.Actions.Count - 1);
            reply.SuggestedActions.Actions.Insert(0, person);
        }
        return reply;
    }

    internal static Activity Text(string text, string inputHint) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown", InputHint = inputHint };
}
