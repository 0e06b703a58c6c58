using System.Net;
using System.Text.RegularExpressions;

namespace ChatService.Tests.Staff;

public sealed partial class LoginPageTests(StaffHostFixture fixture) : IClassFixture<StaffHostFixture>
{
    [Fact]
    public async Task Login_FormWithAntiforgery_SetsCookieAndRedirects()
    {
        var browser = fixture.Host.Client(cookies: true);
        var token = await LoadFormAsync(browser);

        using var response = await PostAsync(browser, token, "editor1", StaffHostFixture.Password, returnUrl: "/staff/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chatservice.staff="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = await browser.SendAsync(Html(HttpMethod.Get, "/staff/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("editor1", await page.Content.ReadAsStringAsync());
        using var me = await browser.GetAsync("/api/staff/me"); // the cookie also works for the staff APIs
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_400NoSession()
    {
        var browser = fixture.Host.Client(cookies: true);
        await LoadFormAsync(browser);

        using var response = await PostAsync(browser, token: null, "editor1", StaffHostFixture.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("chatservice.staff=")));
    }

    [Fact]
    public async Task Login_WrongPassword_GenericErrorNoSession()
    {
        var browser = fixture.Host.Client(cookies: true);
        var token = await LoadFormAsync(browser);

        using var response = await PostAsync(browser, token, "editor1", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign-in failed. Check the user name and password, or try again later.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("chatservice.staff=")));
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswords_LockedOutWithSameGenericMessage()
    {
        await StaffClient.CreateUserAsync(fixture.Host.Client(), fixture.AdminToken, "pagelock", StaffHostFixture.Password, "reviewer");
        var browser = fixture.Host.Client(cookies: true);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await PostAsync(browser, await LoadFormAsync(browser), "pagelock", "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await PostAsync(browser, await LoadFormAsync(browser), "pagelock", StaffHostFixture.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("Sign-in failed. Check the user name and password, or try again later.", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_ExternalReturnUrl_RedirectsToStaffHomeInstead()
    {
        var browser = fixture.Host.Client(cookies: true);
        var token = await LoadFormAsync(browser);

        using var response = await PostAsync(browser, token, "agent1", StaffHostFixture.Password, returnUrl: "//evil.example/");

        Assert.Equal("/staff/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LoginPage_PlainHtml_HasSecurityHeadersAndNoScript()
    {
        using var response = await fixture.Host.Client().SendAsync(Html(HttpMethod.Get, "/staff/login"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain("<script", html);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private static HttpRequestMessage Html(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    private static async Task<string> LoadFormAsync(HttpClient browser)
    {
        using var response = await browser.SendAsync(Html(HttpMethod.Get, "/staff/login"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = AntiforgeryField().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the form carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string? token, string userName, string password, string returnUrl = "/staff/")
    {
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl };
        if (token is not null) fields["__RequestVerificationToken"] = token;
        var request = Html(HttpMethod.Post, "/staff/login");
        request.Content = new FormUrlEncodedContent(fields);
        return browser.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
