using ChatService.Pipeline;
using ChatService.Tests.Pipeline;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Support;

/// <summary>
/// The whole service, built as in production (real configuration, the trained model from nlu-models/, the
/// knowledge base from knowledge-base/), for conversation tests that drive turns through the real pipeline.
/// </summary>
public sealed class BotHost : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("chatservice-bot-").FullName;

    public BotHost()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", _dataDirectory);
            builder.UseSetting("Pipeline:TypingDelay", "00:01:00");
        });
        _ = _factory.Server; // start the host: loads the model and the knowledge base
    }

    public IServiceProvider Services => _factory.Services;

    public TurnRunner Runner => Services.GetRequiredService<TurnRunner>();

    public ChatScript Chat(string locale = "zh-CN") => new(Runner, new BufferingSender(), locale);

    public void Dispose()
    {
        _factory.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
