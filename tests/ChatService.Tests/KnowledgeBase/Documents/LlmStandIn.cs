using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatService.Tests.KnowledgeBase.Documents;

/// <summary>
/// A TEST DOUBLE for an external LLM: a tiny OpenAI-compatible server (Kestrel on a free loopback port) answering
/// <c>POST /v1/chat/completions</c> with whatever the test scripts. No model can run on this machine, so this stands
/// in for the real endpoint; everything on our side (Semantic Kernel's OpenAI connector, HTTP, JSON) is real.
/// It records every request body so tests can read the prompt the bot sent.
/// </summary>
public sealed class LlmStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>The assistant message the next requests get; null makes the server answer 500.</summary>
    public string? Reply { get; set; } = "";

    /// <summary>When set, the server waits this long before answering (for the timeout path).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public string Endpoint { get; }

    private LlmStandIn(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public static async Task<LlmStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LlmStandIn? standIn = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            standIn!.Requests.Enqueue(body);
            if (standIn.Delay > TimeSpan.Zero) await Task.Delay(standIn.Delay, context.RequestAborted);
            if (standIn.Reply is not { } reply) return Results.StatusCode(500);
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-standin", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = (string?)body["model"],
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["finish_reason"] = "stop",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
            });
        });
        await app.StartAsync();
        standIn = new LlmStandIn(app, app.Urls.First().TrimEnd('/') + "/v1");
        return standIn;
    }

    /// <summary>The text of the last request's messages with the given role.</summary>
    public string LastMessage(string role) => Requests.Last()["messages"]!.AsArray()
        .Where(m => (string?)m!["role"] == role).Select(m => (string?)m!["content"] ?? "").LastOrDefault() ?? "";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
