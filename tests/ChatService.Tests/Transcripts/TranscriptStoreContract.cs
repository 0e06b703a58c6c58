using System.Text.Json.Nodes;
using ChatService.Transcripts;

namespace ChatService.Tests.Transcripts;

/// <summary>The behaviour every <see cref="ITranscriptStore"/> must have; each implementation runs it.</summary>
public abstract class TranscriptStoreContract : IAsyncLifetime
{
    protected ITranscriptStore Store { get; private set; } = null!;

    protected abstract Task<ITranscriptStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Store is IAsyncDisposable d ? d.DisposeAsync().AsTask() : Task.CompletedTask;

    [Fact]
    public async Task GetConversationAsync_AfterAppends_ReturnsEntriesInOrderWithAllColumns()
    {
        var inbound = TranscriptActivities.UserMessage("conv-a", "我的保单P12345678怎么理赔？手机13812345678");
        var reply = TranscriptActivities.BotReply(inbound, "请提供理赔编号", "faq", "claim_how");
        await Store.AppendAsync(inbound, TranscriptDirection.Inbound);
        await Store.AppendAsync(reply, TranscriptDirection.Outbound);

        var entries = await Store.GetConversationAsync("conv-a");

        Assert.Equal(2, entries.Count);
        var (first, second) = (entries[0], entries[1]);
        Assert.True(first.Sequence < second.Sequence);
        Assert.Equal(("conv-a", "emulator", inbound.Id, TranscriptDirection.Inbound, "message"), (first.ConversationId, first.ChannelId, first.ActivityId, first.Direction, first.ActivityType));
        Assert.Equal(("user-1", "user"), (first.FromId, first.FromRole));
        Assert.Equal(inbound.Timestamp!.Value.UtcTicks, first.ActivityTimestamp!.Value.UtcTicks);
        Assert.Equal("我的保单*****5678怎么理赔？手机138****5678", first.MaskedText);
        Assert.DoesNotContain("13812345678", first.MaskedActivityJson);
        Assert.Equal((TranscriptDirection.Outbound, "bot", "faq"), (second.Direction, second.FromRole, second.Route));
        var diagnostics = JsonNode.Parse(second.DiagnosticsJson!)!;
        Assert.Equal("claim_how", (string?)diagnostics["intent"]);
        Assert.Equal("faq-claims-001", (string?)diagnostics["faqId"]);
        Assert.Equal("*****5678", (string?)diagnostics["entities"]![0]!["value"]);
        Assert.True(second.RecordedAt >= first.RecordedAt);
    }

    [Fact]
    public async Task AppendAsync_ActivityWithoutId_GetsGeneratedId()
    {
        var inbound = TranscriptActivities.UserMessage("conv-noid", "hi");
        inbound.Id = null;
        await Store.AppendAsync(inbound, TranscriptDirection.Inbound);

        var entry = Assert.Single(await Store.GetConversationAsync("conv-noid"));
        Assert.StartsWith("g_", entry.ActivityId);
        Assert.Null(inbound.Id); // the live activity is not changed
    }

    [Fact]
    public async Task GetConversationAsync_UnknownConversation_ReturnsEmpty() =>
        Assert.Empty(await Store.GetConversationAsync("nobody"));

    [Fact]
    public async Task ListConversationsAsync_SummarisesCountsAndLastRoute()
    {
        var inbound = TranscriptActivities.UserMessage("conv-sum", "报案");
        await Store.AppendAsync(inbound, TranscriptDirection.Inbound);
        await Store.AppendAsync(TranscriptActivities.BotReply(inbound, "好的", "flow:claim_report"), TranscriptDirection.Outbound);
        await Store.AppendAsync(TranscriptActivities.UserMessage("conv-sum", "车险"), TranscriptDirection.Inbound);

        var page = await Store.ListConversationsAsync(new ConversationQuery());

        var summary = Assert.Single(page.Items, s => s.ConversationId == "conv-sum");
        Assert.Equal(("emulator", 3, 2, 1, "flow:claim_report"), (summary.ChannelId, summary.ActivityCount, summary.UserMessageCount, summary.BotMessageCount, summary.LastRoute));
        Assert.True(summary.FirstActivityAt <= summary.LastActivityAt);
    }

    [Fact]
    public async Task ListConversationsAsync_Paged_VisitsEveryConversationOnceNewestFirst()
    {
        for (var i = 0; i < 7; i++)
            await Store.AppendAsync(TranscriptActivities.UserMessage($"conv-page-{i}", "hi"), TranscriptDirection.Inbound);

        var seen = new List<ConversationSummary>();
        ConversationCursor? cursor = null;
        do
        {
            var page = await Store.ListConversationsAsync(new ConversationQuery(Limit: 3, Cursor: cursor));
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items);
            Assert.True(ConversationCursor.TryDecode(page.NextCursor, out cursor));
        } while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Select(s => s.ConversationId).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.LastActivityAt).Select(s => s.LastActivityAt), seen.Select(s => s.LastActivityAt));
    }

    [Fact]
    public async Task ListConversationsAsync_FiltersByChannelAndTime()
    {
        await Store.AppendAsync(TranscriptActivities.UserMessage("conv-web", "hi", channelId: "directline"), TranscriptDirection.Inbound);
        await Store.AppendAsync(TranscriptActivities.UserMessage("conv-teams", "hi", channelId: "msteams"), TranscriptDirection.Inbound);

        var teams = await Store.ListConversationsAsync(new ConversationQuery(ChannelId: "msteams"));
        var future = await Store.ListConversationsAsync(new ConversationQuery(From: DateTimeOffset.UtcNow.AddHours(1)));
        var past = await Store.ListConversationsAsync(new ConversationQuery(To: DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.Equal(["conv-teams"], teams.Items.Select(s => s.ConversationId));
        Assert.Empty(future.Items);
        Assert.Empty(past.Items);
    }

    [Fact]
    public async Task ProbeWritableAsync_HealthyStore_ReturnsTrue() => Assert.True(await Store.ProbeWritableAsync());
}
