using ChatService.Tests.Support;
using System.Net;

namespace ChatService.Tests.KnowledgeBase.Editing;

public sealed class KbEditorRolesTests(KbHostFixture fixture) : IClassFixture<KbHostFixture>
{
    [Theory]
    [InlineData("/api/kb/entries")]
    [InlineData("/api/kb/audit")]
    [InlineData("/staff/kb/")]
    public async Task Get_Anonymous_Returns401(string path)
    {
        var response = await fixture.Host.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("agent")]
    [InlineData("reviewer")]
    public async Task Get_OtherRole_Returns403(string role)
    {
        var client = fixture.Host.Client("mallory", role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/kb/entries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/staff/kb/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/kb/entries/claims-how-to-report/publish", null)).StatusCode);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("admin")]
    public async Task Get_EditorOrAdmin_Returns200(string role)
    {
        var client = fixture.Host.Client("erin", role);
        var list = await client.GetAsync("/api/kb/entries");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("\"id\":", await list.Content.ReadAsStringAsync());
        var page = await client.GetAsync("/staff/kb");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_PageFileOutsideTheList_Returns404()
    {
        var response = await fixture.Host.Client("erin").GetAsync("/staff/kb/..%2F..%2Fappsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutTheEditorHeader_Returns400AndChangesNothing()
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add(TestSignInHandler.UserHeader, "erin");
        client.DefaultRequestHeaders.Add(TestSignInHandler.RolesHeader, "editor");

        var response = await client.PostAsync("/api/kb/import?format=yaml", new StringContent("[]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Requested-With", await response.Content.ReadAsStringAsync());
    }
}
