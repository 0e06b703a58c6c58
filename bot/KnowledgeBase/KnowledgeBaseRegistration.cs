using ChatService.Hosting;
using ChatService.KnowledgeBase.Content;
using ChatService.KnowledgeBase.Documents;
using ChatService.KnowledgeBase.Editing;
using ChatService.KnowledgeBase.Inbox;
using ChatService.KnowledgeBase.Search;
using ChatService.KnowledgeBase.Store;

namespace ChatService.KnowledgeBase;

/// <summary>
/// Registers the KnowledgeBase room: the store (SQLite at <c>{Storage:DataDirectory}/knowledge-base.db</c>), the
/// searcher kept on the latest publish, the editors' workflow and tools, the unanswered inbox, and the start-up load.
/// </summary>
public static class KnowledgeBaseRegistration
{
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KnowledgeBaseOptions>(configuration.GetSection(KnowledgeBaseOptions.Section));
        services.AddSingleton<FaqSearcher>();
        services.AddSingleton<FaqAnswerRenderer>();
        services.AddSingleton<Feedback.FaqFeedbackStore>();
        services.AddSingleton<IFaqStore>(provider => new SqliteFaqStore(DatabasePath(provider, configuration)));
        services.AddSingleton<IUnansweredInbox>(provider => new SqliteUnansweredInbox(DatabasePath(provider, configuration)));
        services.AddSingleton<KnowledgeBaseSync>();
        services.AddSingleton<FaqWorkflow>();
        services.AddSingleton<FaqImporter>();
        services.AddDocuments(configuration);
        // The loader first (it seeds and loads before the host serves), then the poll that follows later publishes.
        services.AddHostedService<KnowledgeBaseLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<KnowledgeBaseSync>());
        return services;
    }

    private static string DatabasePath(IServiceProvider provider, IConfiguration configuration) => Path.Combine(
        ContentPaths.Resolve(provider.GetRequiredService<IHostEnvironment>(), configuration["Storage:DataDirectory"] ?? "data"), "knowledge-base.db");
}
