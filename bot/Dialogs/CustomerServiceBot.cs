using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using Microsoft.Extensions.Options;

namespace ChatService.Dialogs;

/// <summary>
/// The bot's behaviour. Until the classifier and the knowledge base are wired in, it greets, offers the
/// main menu, and says honestly that it is still learning.
/// </summary>
public sealed class CustomerServiceBot(IOptions<CompanyOptions> company) : IBot
{
    private static readonly string[] GreetingWords = ["你好", "您好", "嗨", "哈喽", "hello", "hi", "hey", "good morning", "早上好"];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when CustomerJoined(activity):
            case ActivityTypes.Event when activity.Name == "webchat/join":
                await GreetAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Message:
                await AnswerAsync(turnContext, cancellationToken);
                break;
        }
    }

    private static bool CustomerJoined(Activity activity) =>
        activity.MembersAdded?.Exists(m => m.Id != activity.Recipient?.Id) == true;

    private Task GreetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var zh = CustomerLanguage.IsChinese(turnContext.Activity);
        var c = company.Value;
        var text = zh
            ? $"您好，欢迎来到{c.NameZh}在线客服！我是智能助手{c.BotNameZh}。我可以帮您报案理赔、查询理赔进度、查询保单、受理投诉，或解答常见问题。请问有什么可以帮您？"
            : $"Hello, welcome to {c.NameEn} customer service! I'm {c.BotNameEn}, the virtual assistant. I can help you report a claim, check a claim, look up your policy, file a complaint, or answer common questions. How can I help?";
        var reply = new Activity { Type = ActivityTypes.Message, Text = text, SuggestedActions = HelpMenu.For(zh), InputHint = InputHints.ExpectingInput };
        return turnContext.SendActivityAsync(reply.WithDiagnostics(zh ? "zh-Hans" : "en", "greeting"), cancellationToken);
    }

    private Task AnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = (turnContext.Activity.Text ?? "").Trim();
        if (GreetingWords.Any(w => text.Equals(w, StringComparison.OrdinalIgnoreCase)))
            return GreetAsync(turnContext, cancellationToken);
        var zh = CustomerLanguage.IsChinese(turnContext.Activity);
        var c = company.Value;
        var quoted = text.Length > 200 ? text[..200] + "…" : text;
        var answer = zh
            ? $"我还在学习中，暂时还不能回答“{quoted}”。您可以从下面的菜单中选择，或拨打客服热线 {c.Hotline}（{c.ServiceHoursZh}）。"
            : $"I'm still learning and can't answer \"{quoted}\" yet. Please pick from the menu below, or call our hotline {c.Hotline} ({c.ServiceHoursEn}).";
        var reply = new Activity { Type = ActivityTypes.Message, Text = answer, SuggestedActions = HelpMenu.For(zh), InputHint = InputHints.ExpectingInput };
        return turnContext.SendActivityAsync(reply.WithDiagnostics(zh ? "zh-Hans" : "en", "fallback"), cancellationToken);
    }
}
