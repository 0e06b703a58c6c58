using ChatService.KnowledgeBase.Answering;

namespace ChatService.KnowledgeBase.Documents;

/// <summary>Registers passages from the manuals and the optional grounded answers (off unless configured).</summary>
public static class DocumentsRegistration
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.Configure<GenerationOptions>(configuration.GetSection(GenerationOptions.Section));
        services.AddSingleton<PassageSearcher>();
        services.AddSingleton<GroundedAnswerer>();
        services.AddHostedService<DocumentLoader>();
        return services;
    }
}
