using ChatService.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Operations;

public sealed class SecurityHeadersMiddlewareTests
{
    /// <summary>A response feature that runs the OnStarting callbacks when asked, as a server does before sending headers.</summary>
    private sealed class StartableResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in _starting) await callback(state);
        }
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task Hsts_OnlyOverHttps(string scheme, bool expected)
    {
        var response = new StartableResponse();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(response);
        context.Request.Scheme = scheme;
        var middleware = new SecurityHeadersMiddleware(_ => Task.CompletedTask, Options.Create(new OperationsOptions()));

        await middleware.InvokeAsync(context);
        await response.StartAsync();

        Assert.Equal(expected, context.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal("DENY", context.Response.Headers.XFrameOptions.ToString());
    }
}
