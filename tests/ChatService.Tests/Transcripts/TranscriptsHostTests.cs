using ChatService.Pipeline;
using ChatService.Tests.Pipeline;
using ChatService.Transcripts;
using ChatService.Transcripts.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Transcripts;

/// <summary>The room as the host wires it: SQLite by default, opened at start-up, fed by the real pipeline.</summary>
public sealed class TranscriptsHostTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private WebApplicationFactory<Program> Factory(string? encryptionKey = null, string? policyNumberPattern = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            if (policyNumberPattern is not null) builder.UseSetting("Backends:Identifiers:PolicyNumberPattern", policyNumberPattern);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Storage:DataDirectory", _directory.Path);
            builder.UseSetting("Transcripts:EncryptionKey", encryptionKey ?? "");
        });

    [Fact]
    public async Task Turn_ThroughTheRealPipeline_StoresInboundAndRepliesInSqlite()
    {
        await using var factory = Factory();
        var store = factory.Services.GetRequiredService<ITranscriptStore>();
        var runner = factory.Services.GetRequiredService<TurnRunner>();

        var inbound = TranscriptActivities.UserMessage("host-conv", "你好，我的手机是13812345678");
        var sender = new BufferingSender();
        await runner.ProcessAsync(inbound, sender, CancellationToken.None);

        Assert.IsType<SqliteTranscriptStore>(store);
        var entries = await store.GetConversationAsync("host-conv");
        Assert.Equal(TranscriptDirection.Inbound, entries[0].Direction);
        Assert.Equal("你好，我的手机是138****5678", entries[0].MaskedText);
        var replies = entries.Skip(1).ToList();
        Assert.Equal(sender.Sent.Count(a => a.Type != "typing"), replies.Count);
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal(TranscriptDirection.Outbound, r.Direction));
    }

    [Fact]
    public async Task Turn_CompanyPolicyFormatConfiguredOnce_IsBothRecognisedAndMasked()
    {
        await using var factory = Factory(policyNumberPattern: @"AX-\d{6}");
        var store = factory.Services.GetRequiredService<ITranscriptStore>();
        var runner = factory.Services.GetRequiredService<TurnRunner>();

        var sender = new BufferingSender();
        await runner.ProcessAsync(TranscriptActivities.UserMessage("format-conv", "查一下保单 AX-123456"), sender, CancellationToken.None);

        var reply = sender.Sent.First(a => a.Type == "message");
        var entities = ChatService.Dialogs.Diagnostics.Read(reply)?["entities"]?.ToJsonString() ?? "";
        Assert.Contains("AX-123456", entities);
        var entries = await store.GetConversationAsync("format-conv");
        Assert.Equal("查一下保单 *****3456", entries[0].MaskedText);
    }

    [Fact]
    public void Start_MalformedEncryptionKey_FailsNamingTheSetting()
    {
        using var factory = Factory(encryptionKey: "too-short");
        var ex = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<ITranscriptStore>());
        Assert.Contains("Transcripts:EncryptionKey", ex.ToString());
    }
}
