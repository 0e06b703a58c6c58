using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatService.Staff;

/// <summary>Registers the Staff room: accounts, sign-in (cookie, bearer, OIDC), the role policies, the staff pages and APIs.</summary>
public static class StaffRegistration
{
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StaffOptions>(configuration.GetSection(StaffOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStaffUserStore, SqliteStaffUserStore>();
        services.AddSingleton<StaffAudit>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffUserAdmin>();
        services.AddSingleton<StaffSigningKey>();
        services.AddSingleton<StaffTokenIssuer>();
        services.AddHostedService<InitialAdminSeeder>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "chatservice.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SuppressXFrameOptionsHeader = true; // the Operations room sends DENY on every response
        });
        services.AddStaffAuthentication(configuration);
        services.AddAuthorization(options =>
        {
            foreach (var role in StaffRoles.All)
                options.AddPolicy(role, policy => policy.AddAuthenticationSchemes(StaffSchemes.Staff).RequireRole(role, StaffRoles.Admin));
            options.AddPolicy(StaffPolicies.AnyStaff, policy => policy.AddAuthenticationSchemes(StaffSchemes.Staff).RequireRole(StaffRoles.All));
            // Plain RequireAuthorization() means "any signed-in staff member" too.
            options.DefaultPolicy = new AuthorizationPolicyBuilder(StaffSchemes.Staff).RequireRole(StaffRoles.All).Build();
        });
        return services;
    }

    /// <summary>Authentication, authorization and antiforgery middleware; after <c>UseOperations</c> (routing, rate limits).</summary>
    public static WebApplication UseStaff(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStaff(this WebApplication app)
    {
        app.MapStaffPages();
        app.MapStaffApi();
        return app;
    }
}
