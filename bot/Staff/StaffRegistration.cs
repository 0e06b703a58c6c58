namespace ChatService.Staff;

/// <summary>Registers the Staff room: sign-in and the role policies every staff API and page uses.</summary>
public static class StaffRegistration
{
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication();
        services.AddAuthorization(options =>
        {
            foreach (var role in StaffRoles.All)
                options.AddPolicy(role, policy => policy.RequireRole(role, StaffRoles.Admin));
        });
        return services;
    }
}
