using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Search;

namespace ChatService.KnowledgeBase;

/// <summary>Registers the KnowledgeBase room: the FAQ searcher, the answer renderer, and the start-up load.</summary>
public static class KnowledgeBaseRegistration
{
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KnowledgeBaseOptions>(configuration.GetSection(KnowledgeBaseOptions.Section));
        services.AddSingleton<FaqSearcher>();
        services.AddSingleton<FaqAnswerRenderer>();
        services.AddSingleton<Feedback.FaqFeedbackStore>();
        services.AddHostedService<KnowledgeBaseLoader>();
        return services;
    }
}
