using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatService.Tests.Staff;

/// <summary>Staff API calls the tests repeat: get a token, call with it.</summary>
public static class StaffClient
{
    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string userName, string password) =>
        await client.PostAsJsonAsync("/api/staff/token", new { userName, password });

    public static async Task<string> TokenAsync(HttpClient client, string userName, string password)
    {
        using var response = await RequestTokenAsync(client, userName, password);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage With(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.With(token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return client.SendAsync(request);
    }

    public static async Task CreateUserAsync(HttpClient client, string adminToken, string userName, string password, params string[] roles)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "/api/staff/users", adminToken, new { userName, password, roles });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }
}
