using System.Net.Http.Headers;
using System.Text.Json;
using ChatService.Channels.Protocol;

namespace ChatService.Channels.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API at a channel's serviceUrl: reply, send, update and delete activities, each
/// call carrying the bot's bearer token (none in Emulator local mode).
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClientFactory, ConnectorTokenProvider tokens)
{
    /// <summary>POSTs to <c>…/activities/{replyToId}</c> when the activity answers one, else to <c>…/activities</c>.</summary>
    public Task<ResourceResponse> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, ActivitiesUri(serviceUrl, ConversationId(activity), activity.ReplyToId), activity, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, ActivitiesUri(serviceUrl, ConversationId(activity), activity.Id ?? throw new ArgumentException("The activity to update has no id.")), activity, cancellationToken);

    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, ActivitiesUri(serviceUrl, conversationId, activityId), null, cancellationToken);

    internal static Uri ActivitiesUri(string serviceUrl, string conversationId, string? activityId)
    {
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return new Uri(string.IsNullOrEmpty(activityId) ? path : $"{path}/{Uri.EscapeDataString(activityId)}");
    }

    private static string ConversationId(Activity activity) =>
        activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.");

    private async Task<ResourceResponse> CallAsync(HttpMethod method, Uri uri, Activity? activity, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(BotFrameworkRegistration.ConnectorClient);
        using var request = new HttpRequestMessage(method, uri);
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (activity is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException($"{method} {uri.GetLeftPart(UriPartial.Path)} failed: {ex.Message}", 0, ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new ConnectorException($"{method} {uri.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}.", (int)response.StatusCode);
            return await ReadResourceResponseAsync(response, cancellationToken);
        }
    }

    /// <summary>The id the channel gave the activity; channels may answer with no body, then we name it ourselves.</summary>
    private static async Task<ResourceResponse> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            if (body.Length > 0 && JsonSerializer.Deserialize<ResourceResponse>(body, ProtocolJson.Options) is { Id: { Length: > 0 } } resource)
                return resource;
        }
        catch (JsonException)
        {
            // not a ResourceResponse: the send still succeeded
        }
        return new ResourceResponse($"g_{Guid.NewGuid():N}");
    }
}
