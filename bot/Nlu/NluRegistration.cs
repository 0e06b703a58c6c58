using ChatService.Backends;
using Microsoft.Extensions.Options;

namespace ChatService.Nlu;

/// <summary>Registers the NLU room: options, the classifier, the entity extractor and the model loader.</summary>
public static class NluRegistration
{
    public static IServiceCollection AddNlu(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NluOptions>(configuration.GetSection(NluOptions.SectionName));
        services.AddSingleton<IntentModelHolder>();
        services.AddSingleton(sp => new EntityExtractor(sp.GetRequiredService<IOptions<IdentifierFormats>>().Value,
            sp.GetService<TimeProvider>()));
        services.AddSingleton<IIntentClassifier, IntentClassifier>();
        services.AddSingleton<NluMiddleware>();
        services.AddSingleton<NluModelService>();
        services.AddHostedService(sp => sp.GetRequiredService<NluModelService>());
        return services;
    }
}
