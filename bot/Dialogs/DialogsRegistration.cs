using ChatService.Pipeline;

namespace ChatService.Dialogs;

/// <summary>Registers the Dialogs room: the bot at the end of the pipeline.</summary>
public static class DialogsRegistration
{
    public static IServiceCollection AddDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CompanyOptions>(configuration.GetSection(CompanyOptions.Section));
        services.AddSingleton<IBot, CustomerServiceBot>();
        return services;
    }
}
