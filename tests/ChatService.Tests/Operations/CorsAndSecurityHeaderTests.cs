using System.Net;

namespace ChatService.Tests.Operations;

public sealed class CorsAndSecurityHeaderTests : IDisposable
{
    private readonly KestrelHost _host = new(new Dictionary<string, string?> { ["Operations:Cors:AllowedOrigins:0"] = "https://shop.example" });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Cors_ConfiguredOrigin_Allowed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("Origin", "https://shop.example");

        using var response = await _host.Client().SendAsync(request);

        Assert.Equal("https://shop.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Cors_OtherOrigin_NoAllowHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _host.Client().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://shop.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task Cors_Preflight_OnlyConfiguredOrigin(string origin, bool allowed)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/staff/token");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await _host.Client().SendAsync(request);

        Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_NoOriginsConfigured_SameOriginOnly()
    {
        using var host = new KestrelHost();
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("Origin", "https://shop.example");

        using var response = await host.Client().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Root_Response_CarriesSecurityHeaders()
    {
        using var response = await _host.Client().GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP: HSTS only over HTTPS
    }

    [Fact]
    public async Task ChatPage_OwnPolicy_IsKeptAndOtherResponsesGetTheDefault()
    {
        using var page = await _host.Client().GetAsync("/");
        using var api = await _host.Client().GetAsync("/healthz");

        Assert.Contains("connect-src 'self' blob:", page.Headers.GetValues("Content-Security-Policy").Single()); // uploads read blob: URLs
        Assert.Contains("connect-src 'self';", api.Headers.GetValues("Content-Security-Policy").Single());
    }
}
