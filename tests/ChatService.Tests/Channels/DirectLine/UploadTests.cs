using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.DirectLine;

[Collection(DirectLineCollection.Name)]
public sealed class UploadTests(DirectLineServer server)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly DirectLineClient _client = server.Client();

    private async Task<HttpResponseMessage> UploadAsync(string conversationId, string token, byte[] file, string contentType, string name = "photo.png")
    {
        var form = new MultipartFormDataContent();
        var activity = new StringContent("""{"type":"message","text":"see attached","channelData":{"clientActivityID":"up-1"},"attachments":[{"contentType":"image/png","name":"photo.png"}]}""", Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=ignored") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }

    private int FilesOnDisk(string conversationId)
    {
        var folder = Path.Combine(server.DataDirectory, "directline", "uploads", conversationId);
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task Upload_Image_EchoesAMessageWhoseContentUrlServesTheFileToThisConversationOnly()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var other = await _client.StartAsync();

        using var response = await UploadAsync(conversationId, token, Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token, "0");
        var echo = activities.First(a => (string?)a!["id"] == id)!;
        Assert.Equal("up-1", (string?)echo["channelData"]!["clientActivityID"]);
        var attachment = echo["attachments"]!.AsArray().Single()!;
        Assert.Equal("image/png", (string?)attachment["contentType"]);
        Assert.Equal("photo.png", (string?)attachment["name"]);
        var contentUrl = (string)attachment["contentUrl"]!;

        Assert.Equal(Png, await server.Http.GetByteArrayAsync(contentUrl)); // the link carries its own read token
        var bare = contentUrl[..contentUrl.IndexOf('?', StringComparison.Ordinal)];
        using var withOwnToken = new HttpRequestMessage(HttpMethod.Get, bare) { Headers = { Authorization = new("Bearer", token) } };
        using var withOtherToken = new HttpRequestMessage(HttpMethod.Get, bare) { Headers = { Authorization = new("Bearer", other.Token) } };
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(withOwnToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(withOtherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.GetAsync(bare)).StatusCode);
    }

    [Fact]
    public async Task DeleteOlderThan_RemovesOnlyExpiredUploads()
    {
        var old = await _client.StartAsync();
        var recent = await _client.StartAsync();
        (await UploadAsync(old.ConversationId, old.Token, Png, "image/png")).Dispose();
        (await UploadAsync(recent.ConversationId, recent.Token, Png, "image/png")).Dispose();
        var oldFolder = Path.Combine(server.DataDirectory, "directline", "uploads", old.ConversationId);
        foreach (var file in Directory.GetFiles(oldFolder)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));

        var deleted = server.Services.GetRequiredService<ChatService.Channels.DirectLine.DiskUploadStore>().DeleteOlderThan(DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Equal(1, deleted);
        Assert.False(Directory.Exists(oldFolder));
        Assert.Equal(2, FilesOnDisk(recent.ConversationId)); // the file and its sidecar
    }

    [Fact]
    public async Task Download_FileLinkOfAnotherConversation_Is403()
    {
        var mine = await _client.StartAsync();
        var theirs = await _client.StartAsync();
        using var upload = await UploadAsync(theirs.ConversationId, theirs.Token, Png, "image/png");
        var (activities, _) = await _client.GetActivitiesAsync(theirs.ConversationId, theirs.Token, "0");
        var contentUrl = (string)activities[0]!["attachments"]![0]!["contentUrl"]!;
        var readToken = contentUrl[(contentUrl.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
        var fileId = contentUrl.Split('/')[^1].Split('?')[0];

        using var response = await server.Http.GetAsync($"/v3/directline/conversations/{mine.ConversationId}/files/{fileId}?t={readToken}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Download_OddConversationIdWithSecret_Is404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/conversations/..%2F..%2Fetc/files/00000000000000000000000000000000")
        {
            Headers = { Authorization = new("Bearer", DirectLineServer.Secret) },
        };

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_TooLarge_Is413AndKeepsNothing()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        using var response = await UploadAsync(conversationId, token, new byte[DirectLineServer.MaxFileBytes + 1], "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MessageSizeTooBig", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, FilesOnDisk(conversationId));
        Assert.Single((await _client.GetActivitiesAsync(conversationId, token)).Activities);
    }

    [Fact]
    public async Task Upload_ContentTypeNotAllowed_Is415AndKeepsNothing()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        using var response = await UploadAsync(conversationId, token, "<script>alert(1)</script>"u8.ToArray(), "text/html", "page.html");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, FilesOnDisk(conversationId));
    }

    [Fact]
    public async Task Upload_MalformedMultipart_Is400()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=u")
        {
            Content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n", Encoding.UTF8),
            Headers = { Authorization = new("Bearer", token) },
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
