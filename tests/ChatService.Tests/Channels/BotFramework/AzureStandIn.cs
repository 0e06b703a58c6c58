using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>
/// A loopback stand-in for the Azure services this machine cannot reach: the Bot Framework and Entra ID
/// OpenID metadata and signing keys (JWKS with endorsements), the Entra ID token endpoint, and a channel's
/// Bot Connector REST API (records every call). Real HTTP on a free port.
/// </summary>
public sealed class AzureStandIn : IAsyncDisposable
{
    public sealed record ConnectorCall(string Method, string Path, string? Authorization, string Body);

    private readonly WebApplication _app;
    private int _tokenRequests;
    private int _failuresToInject;

    public AzureStandIn()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/botframework/openid", () => Metadata("https://api.botframework.com", "/botframework/keys"));
        _app.MapGet("/botframework/keys", () => Keys.ChannelJwks());
        _app.MapGet("/aad/openid", () => Metadata("https://login.microsoftonline.com/common/v2.0", "/aad/keys"));
        _app.MapGet("/aad/keys", () => Keys.EmulatorJwks());
        _app.MapPost("/token", (Delegate)IssueToken);
        _app.Map("/v3/conversations/{**rest}", (Delegate)RecordConnectorCall);
    }

    public TestKeys Keys { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The serviceUrl the stand-in's Connector answers at (with the trailing slash channels use).</summary>
    public string ServiceUrl => BaseUrl + "/";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public ConcurrentQueue<ConnectorCall> ConnectorCalls { get; } = new();

    public IEnumerable<ConnectorCall> CallsFor(string conversationId) =>
        ConnectorCalls.Where(c => c.Path.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/", StringComparison.Ordinal));

    /// <summary>The next <paramref name="count"/> Connector calls answer 503 (a transient channel failure).</summary>
    public void FailNextConnectorCalls(int count) => Volatile.Write(ref _failuresToInject, count);

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Metadata(string issuer, string keysPath) =>
        Results.Json(new JsonObject { ["issuer"] = issuer, ["jwks_uri"] = BaseUrl + keysPath, ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") });

    private async Task<IResult> IssueToken(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != TestKeys.AppId || form["client_secret"] != TestKeys.AppPassword)
            return Results.Json(new JsonObject { ["error"] = "invalid_client" }, statusCode: 401);
        var n = Interlocked.Increment(ref _tokenRequests);
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = $"connector-token-{n}",
            ["scope_seen"] = form["scope"].ToString(),
        });
    }

    private async Task<IResult> RecordConnectorCall(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        ConnectorCalls.Enqueue(new ConnectorCall(context.Request.Method, context.Request.Path.ToUriComponent(), context.Request.Headers.Authorization, body));
        if (Interlocked.Decrement(ref _failuresToInject) >= 0)
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "ServiceError" } }, statusCode: 503);
        return Results.Json(new JsonObject { ["id"] = $"srv-{ConnectorCalls.Count}" });
    }
}
