using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ChatService.State;
using Microsoft.AspNetCore.Hosting;

namespace ChatService.Tests.State;

/// <summary>
/// A test-only endpoint, GET /test/state-probe[?conversation=id], that reads and writes through the instance's
/// IStateStore (under the conversation's turn lock when one is named):
/// until the channels' /api/messages is on this branch, it is how the tests see the HTTP face of a store outage.
/// Added after the app's own pipeline, so the app's middleware (the 503 mapping) wraps it as it wraps every endpoint.
/// </summary>
public sealed class StateProbeEndpoint : IStartupFilter
{
    public const string Path = "/test/state-probe";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map(Path, probe => probe.Run(async context =>
        {
            var store = context.RequestServices.GetRequiredService<IStateStore>();
            await using var turnLock = context.Request.Query["conversation"] is [{ } conversationId]
                ? await context.RequestServices.GetRequiredService<IConversationLock>().AcquireAsync(conversationId, context.RequestAborted)
                : null;
            await store.WriteAsync("probe", DateTime.UtcNow.ToString("O"), null, TimeSpan.FromMinutes(1), context.RequestAborted);
            var item = await store.ReadAsync("probe", context.RequestAborted);
            await context.Response.WriteAsync(item is null ? "missing" : "ok");
        }));
    };

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, StateProbeEndpoint>();
}
