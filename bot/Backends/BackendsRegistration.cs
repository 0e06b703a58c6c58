namespace ChatService.Backends;

/// <summary>Registers the Backends room: for now the company's identifier formats, shared by NLU and masking.</summary>
public static class BackendsRegistration
{
    public static IServiceCollection AddBackends(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdentifierFormats>(configuration.GetSection(IdentifierFormats.Section));
        return services;
    }
}
