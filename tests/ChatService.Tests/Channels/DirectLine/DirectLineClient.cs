using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>A plain HTTP/WebSocket Direct Line client for protocol tests (what DirectLineJS does, step by step).</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Base + path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Starts a conversation with the secret; returns conversationId, token, streamUrl.</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(string body = "{}")
    {
        var (status, conversation) = await SendAsync(HttpMethod.Post, "/conversations", DirectLineServer.Secret, body);
        Assert.Equal(HttpStatusCode.Created, status);
        return ((string)conversation!["conversationId"]!, (string)conversation["token"]!, (string)conversation["streamUrl"]!);
    }

    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        var (status, body) = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        return (string)body!["id"]!;
    }

    public async Task<(JsonArray Activities, string? Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = "")
    {
        var (status, set) = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return (set!["activities"]!.AsArray(), (string?)set["watermark"]);
    }

    public static async Task<ClientWebSocket> OpenStreamAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>The next frame: an ActivitySet, or null for a keep-alive (empty) frame or a close.</summary>
    public static async Task<JsonNode?> ReceiveFrameAsync(ClientWebSocket socket, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(10));
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return message.Length == 0 ? null : JsonNode.Parse(message.ToArray());
    }

    /// <summary>Reads frames until <paramref name="done"/> holds for the activities received so far.</summary>
    public static async Task<(List<JsonNode> Activities, string? Watermark)> ReceiveUntilAsync(ClientWebSocket socket, Func<List<JsonNode>, bool> done)
    {
        var activities = new List<JsonNode>();
        string? watermark = null;
        while (!done(activities))
        {
            var frame = await ReceiveFrameAsync(socket);
            if (frame is null) continue;
            activities.AddRange(frame["activities"]!.AsArray().Select(a => a!));
            watermark = (string?)frame["watermark"] ?? watermark;
        }
        return (activities, watermark);
    }

    public static string? Text(JsonNode activity) => (string?)activity["text"];

    public static string? Role(JsonNode activity) => (string?)activity["from"]?["role"];
}
