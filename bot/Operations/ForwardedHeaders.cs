using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatService.Operations;

/// <summary>Believes X-Forwarded-For/-Proto only from <see cref="OperationsOptions.TrustedProxies"/>, so client IPs and HTTPS are right behind a proxy.</summary>
public static class ForwardedHeaders
{
    public static WebApplication UseOperationsForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value.TrustedProxies;
        if (proxies.Length == 0) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }
}
