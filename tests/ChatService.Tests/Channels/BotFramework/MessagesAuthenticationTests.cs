using System.Net;
using System.Text.Json.Nodes;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>JWT validation of /api/messages against keys served by the loopback stand-in for Azure's token service.</summary>
public sealed class MessagesAuthenticationTests(AuthenticatedBotHost host) : IClassFixture<AuthenticatedBotHost>
{
    private TestKeys Keys => host.Azure.Keys;

    private JsonObject Activity(string channelId = "webchat") => host.Message("hello", channelId, "expectReplies");

    private async Task<HttpStatusCode> PostAsync(string? token, JsonObject? activity = null) =>
        (await host.PostAsync(activity ?? Activity(), token)).StatusCode;

    [Fact]
    public async Task Post_ValidChannelToken_RunsTheTurn()
    {
        var response = await host.PostAsync(Activity(), Keys.ChannelToken(host.Azure.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(body["activities"]!.AsArray());
    }

    [Fact]
    public async Task Post_NoToken_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));

    [Fact]
    public async Task Post_NotBearerScheme_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostRawAsync(Activity().ToJsonString(), Keys.ChannelToken(host.Azure.ServiceUrl), "Basic")).StatusCode);

    [Fact]
    public async Task Post_WrongIssuer_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Keys.ChannelToken(host.Azure.ServiceUrl, issuer: "https://evil.example.com")));

    [Fact]
    public async Task Post_WrongAudience_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Keys.ChannelToken(host.Azure.ServiceUrl, audience: "another-bot-app-id")));

    [Fact]
    public async Task Post_ExpiredBeyondSkew_Returns401()
    {
        var now = DateTime.UtcNow;
        var token = Keys.ChannelToken(host.Azure.ServiceUrl, notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task Post_ExpiredWithinSkew_IsAccepted()
    {
        var now = DateTime.UtcNow;
        var token = Keys.ChannelToken(host.Azure.ServiceUrl, notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-3));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));
    }

    [Fact]
    public async Task Post_NotYetValidBeyondSkew_Returns401()
    {
        var now = DateTime.UtcNow;
        var token = Keys.ChannelToken(host.Azure.ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddMinutes(30));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task Post_KeyNotEndorsedForTheChannel_Returns401()
    {
        var token = Keys.ChannelToken(host.Azure.ServiceUrl, key: Keys.TeamsOnly);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token, Activity("webchat")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token, Activity("msteams")));
    }

    [Fact]
    public async Task Post_KeyWithoutEndorsements_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Keys.ChannelToken(host.Azure.ServiceUrl, key: Keys.Unendorsed)));

    [Fact]
    public async Task Post_ServiceUrlDiffersFromClaim_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Keys.ChannelToken("https://smba.trafficmanager.net/teams/")));

    [Fact]
    public async Task Post_ForgedSignature_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Keys.ChannelToken(host.Azure.ServiceUrl, key: Keys.Forger)));

    [Fact]
    public async Task Post_UnsignedToken_Returns401()
    {
        var token = TestKeys.Token(null, TestKeys.ChannelIssuer, TestKeys.AppId, new Dictionary<string, object> { ["serviceurl"] = host.Azure.ServiceUrl });
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task Post_GarbageToken_Returns401WithoutDetails()
    {
        var response = await host.PostAsync(Activity(), "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain(" at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_EmulatorTokenV2ForThisApp_IsAccepted()
    {
        var claims = new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TestKeys.AppId };
        var token = TestKeys.Token(Keys.Aad, TestKeys.EmulatorIssuerV2, TestKeys.AppId, claims);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token, Activity("emulator")));
    }

    [Fact]
    public async Task Post_EmulatorTokenExpectRepliesWithoutServiceUrl_IsAccepted()
    {
        var claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = TestKeys.AppId };
        var token = TestKeys.Token(Keys.Aad, "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", TestKeys.AppId, claims);
        var activity = Activity("emulator");
        activity.Remove("serviceUrl");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token, activity));
    }

    [Fact]
    public async Task Post_EmulatorTokenIssuedToAnotherApp_Returns401()
    {
        var claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "someone-else" };
        var token = TestKeys.Token(Keys.Aad, "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", TestKeys.AppId, claims);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token, Activity("emulator")));
    }

    [Fact]
    public async Task Post_ValidToken_SetsCallerIdAndDiscardsTheWireValue()
    {
        var activity = Activity();
        activity["callerId"] = "urn:botframework:forged";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Keys.ChannelToken(host.Azure.ServiceUrl), activity));

        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        var logged = host.Transcripts.Entries.First(e => e.Activity.Conversation?.Id == conversationId).Activity;
        Assert.Equal("urn:botframework:azure", ChatService.Channels.BotFramework.CallerId.Get(logged));
    }
}

/// <summary>Local-development mode (no app id): anonymous requests pass, tokens cannot be checked and are refused.</summary>
public sealed class MessagesWithoutAppIdAuthenticationTests(AnonymousBotHost host) : IClassFixture<AnonymousBotHost>
{
    [Fact]
    public async Task Post_NoTokenWithoutAppId_IsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(host.Message("hello", deliveryMode: "expectReplies"))).StatusCode);

    [Fact]
    public async Task Post_TokenWithoutAppId_Returns401()
    {
        var token = host.Azure.Keys.ChannelToken(host.Azure.ServiceUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(host.Message("hello", deliveryMode: "expectReplies"), token)).StatusCode);
    }
}
