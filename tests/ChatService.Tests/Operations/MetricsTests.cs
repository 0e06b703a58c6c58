using System.Net;
using System.Security.Claims;
using ChatService.Channels.Protocol;
using ChatService.Operations;
using ChatService.Pipeline;
using ChatService.Tests.Pipeline;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Operations;

public sealed class MetricsTests
{
    private sealed class FailingSender : IChannelSender
    {
        public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            throw new IOException("channel down");

        public Task UpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static Activity Message(string channelId, string conversationId) => new()
    {
        Type = ActivityTypes.Message, Text = "hello", ChannelId = channelId, Id = Guid.NewGuid().ToString("N"),
        Conversation = new() { Id = conversationId }, From = new() { Id = "u1" }, Recipient = new() { Id = "bot" },
    };

    [Fact]
    public async Task Metrics_AfterTurns_ExposesTurnCounterLatencyErrorsAndActiveConversations()
    {
        using var host = new KestrelHost();
        var runner = host.Services.GetRequiredService<TurnRunner>();

        await runner.ProcessAsync(Message("metrics-test", "m-c1"), new BufferingSender(), CancellationToken.None);
        await runner.ProcessAsync(Message("metrics-test", "m-c2"), new BufferingSender(), CancellationToken.None);
        await runner.ProcessAsync(Message("metrics-fail", "m-c3"), new FailingSender(), CancellationToken.None);
        using var response = await host.Client().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("""(?m)^chatservice_turns_total\{[^}]*channel="metrics-test"[^}]*\} 2( |$)""", text);
        Assert.Matches("""(?m)^chatservice_turn_duration_milliseconds_count\{[^}]*channel="metrics-test"[^}]*\} 2( |$)""", text);
        Assert.Matches("""(?m)^chatservice_turn_errors_total\{[^}]*channel="metrics-fail"[^}]*\} 1( |$)""", text);
        Assert.DoesNotMatch("""(?m)^chatservice_turn_errors_total\{[^}]*channel="metrics-test""", text);
        Assert.Matches("""(?m)^chatservice_conversations_active\{[^}]*channel="metrics-test"[^}]*\} 2( |$)""", text);
    }

    [Theory]
    [InlineData("127.0.0.1", null, null, true)]
    [InlineData("::1", null, null, true)]
    [InlineData("10.1.2.3", null, null, false)]
    [InlineData("127.0.0.1", "X-Forwarded-For", "203.0.113.9", false)] // a same-host proxy is not a local scraper
    [InlineData("10.1.2.3", null, "admin", true)]
    [InlineData("10.1.2.3", null, "agent", false)]
    public async Task MetricsPolicy_LoopbackOrAdmin(string remoteIp, string? header, string? roleOrHeaderValue, bool allowed)
    {
        using var host = new KestrelHost();
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remoteIp);
        if (header is not null) http.Request.Headers[header] = roleOrHeaderValue;
        var user = header is null && roleOrHeaderValue is not null
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", roleOrHeaderValue)], "test", "name", "role"))
            : new ClaimsPrincipal(new ClaimsIdentity());

        var result = await host.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, MetricsEndpoint.Policy);

        Assert.Equal(allowed, result.Succeeded);
    }
}
