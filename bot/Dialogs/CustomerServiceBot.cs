using ChatService.Channels.Protocol;
using ChatService.Dialogs.Answers;
using ChatService.Dialogs.State;
using ChatService.Nlu;
using ChatService.Pipeline;

namespace ChatService.Dialogs;

/// <summary>
/// The bot's behaviour: greets a customer once when they join, and answers each message through the router,
/// remembering the customer's language and how many times in a row it did not understand them.
/// </summary>
public sealed class CustomerServiceBot(ConversationDataStore conversations, MessageRouter router, SmallTalk talk) : IBot
{
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

    private async Task GreetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation!.Id!;
        var loaded = await conversations.LoadAsync(conversationId, cancellationToken);
        if (loaded.Data.Greeted) return;
        var language = LanguageOf(turnContext.Activity.Locale);
        loaded.Data.Greeted = true;
        loaded.Data.Language = language;
        await conversations.SaveAsync(conversationId, loaded, cancellationToken);
        await turnContext.SendActivityAsync(talk.Welcome(language).WithDiagnostics(new TurnDiagnostics(language, Routes.Greeting)), cancellationToken);
    }

    private async Task AnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation!.Id!;
        var loaded = await conversations.LoadAsync(conversationId, cancellationToken);
        var routed = await router.RouteAsync(turnContext.Activity, loaded.Data, cancellationToken);
        loaded.Data.Language = routed.Diagnostics.Language;
        loaded.Data.Greeted = true;
        loaded.Data.Misunderstandings = routed.Understood switch
        {
            true => 0,
            false => loaded.Data.Misunderstandings + 1,
            null => loaded.Data.Misunderstandings,
        };
        await conversations.SaveAsync(conversationId, loaded, cancellationToken);
        await turnContext.SendActivityAsync(routed.Reply.WithDiagnostics(routed.Diagnostics), cancellationToken);
    }

    /// <summary>The reply language for a channel locale: zh-TW/zh-HK/zh-Hant → Traditional, other zh → Simplified, else English.</summary>
    internal static string LanguageOf(string? locale)
    {
        if (locale is null || !locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return NluLanguages.English;
        return locale.Contains("TW", StringComparison.OrdinalIgnoreCase) || locale.Contains("HK", StringComparison.OrdinalIgnoreCase)
            || locale.Contains("MO", StringComparison.OrdinalIgnoreCase) || locale.Contains("Hant", StringComparison.OrdinalIgnoreCase)
            ? NluLanguages.TraditionalChinese
            : NluLanguages.SimplifiedChinese;
    }
}
