using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatService.Tests.Channels.DirectLine;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopApplication_ClosesOpenStreamsAsGoingAway()
    {
        using var server = new DirectLineServer();
        var (_, _, streamUrl) = await server.Client().StartAsync();
        using var socket = await DirectLineClient.OpenStreamAsync(streamUrl);
        await DirectLineClient.ReceiveUntilAsync(socket, a => a.Count >= 1);

        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        JsonNode? frame;
        do frame = await DirectLineClient.ReceiveFrameAsync(socket); while (frame is not null || socket.State == WebSocketState.Open);

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
    }
}
