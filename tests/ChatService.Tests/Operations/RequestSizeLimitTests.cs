using System.Net;
using System.Text;
using ChatService.Tests.Staff;

namespace ChatService.Tests.Operations;

public sealed class RequestSizeLimitTests : IDisposable
{
    private readonly KestrelHost _host = new(new Dictionary<string, string?> { ["Operations:MaxRequestBodyBytes"] = "1024" });

    public void Dispose() => _host.Dispose();

    private static string Json(int size) => "{\"userName\":\"admin\",\"password\":\"" + new string('x', size) + "\"}";

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_413Json()
    {
        using var response = await _host.Client().PostAsync("/api/staff/token", new StringContent(Json(4000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_413Json()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/token")
        {
            Content = new StringContent(Json(4000), Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await StaffClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Post_BodyUnderLimit_Processed()
    {
        using var response = await _host.Client().PostAsync("/api/staff/token", new StringContent(Json(100), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // read and answered: wrong password, not too large
    }
}
