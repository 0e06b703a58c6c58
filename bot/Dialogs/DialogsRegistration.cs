using ChatService.Dialogs.Answers;
using ChatService.Dialogs.State;
using ChatService.Pipeline;

namespace ChatService.Dialogs;

/// <summary>Registers the Dialogs room: the bot at the end of the pipeline and what it answers with.</summary>
public static class DialogsRegistration
{
    public static IServiceCollection AddDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CompanyOptions>(configuration.GetSection(CompanyOptions.Section));
        services.AddSingleton<ConversationDataStore>();
        services.AddSingleton<SmallTalk>();
        services.AddSingleton<FlowGuide>();
        services.AddSingleton<FaqResponder>();
        services.AddSingleton<DocumentResponder>();
        services.AddSingleton<UnansweredQuestions>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<IBot, CustomerServiceBot>();
        return services;
    }
}
