using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatService.Tests.Operations;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_ProcessUp_200JsonWithoutRunningChecks()
    {
        using var host = new KestrelHost(services: s => s.AddHealthChecks().AddCheck("probe", () => HealthCheckResult.Unhealthy("store down")));

        using var response = await host.Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readyz_AllChecksHealthy_200()
    {
        using var host = new KestrelHost(services: s => s.AddHealthChecks().AddCheck("probe", () => HealthCheckResult.Healthy()));

        using var response = await host.Client().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"probe\":{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_OneCheckUnhealthy_503JsonNamingTheCheck()
    {
        using var host = new KestrelHost(services: s => s.AddHealthChecks()
            .AddCheck("probe", () => HealthCheckResult.Healthy())
            .AddCheck("failing-probe", () => HealthCheckResult.Unhealthy("transcript store unreachable", new IOException("secret path /var/x"))));

        using var response = await host.Client().GetAsync("/readyz");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("failing-probe").GetProperty("status").GetString());
        Assert.DoesNotContain("secret path", text); // exception details stay in the log
    }
}
