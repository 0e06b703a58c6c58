using ChatService.Dialogs;
using ChatService.KnowledgeBase.Answering;
using ChatService.Pipeline;
using ChatService.Tests.Pipeline;
using ChatService.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.KnowledgeBase.Documents;

/// <summary>
/// Grounded answers through the real turn pipeline, with <c>KnowledgeBase:Generation</c> pointing at
/// <see cref="LlmStandIn"/>: a local OpenAI-compatible server on loopback that stands in for an external LLM.
/// </summary>
public sealed class GroundedTurnTests : IAsyncLifetime
{
    private LlmStandIn _llm = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("chatservice-grounded-").FullName;

    public async Task InitializeAsync()
    {
        _llm = await LlmStandIn.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", _dataDirectory);
            builder.UseSetting("Pipeline:TypingDelay", "00:01:00");
            builder.UseSetting("KnowledgeBase:Generation:Enabled", "true");
            builder.UseSetting("KnowledgeBase:Generation:Endpoint", _llm.Endpoint);
            builder.UseSetting("KnowledgeBase:Generation:Model", "stand-in");
            builder.UseSetting("KnowledgeBase:Generation:Timeout", "00:00:03");
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _llm.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    private ChatScript Chat() => new(_factory.Services.GetRequiredService<TurnRunner>(), new BufferingSender(), "zh-CN");

    [Fact]
    public async Task Send_ModelAnswersFromThePassages_RepliesWithTheAnswerAndItsSources()
    {
        _llm.Reply = "品质管理部门负责制定品质管理制度并组织抽检[1]。";

        var reply = await Chat().Send("品质管理部门有哪些职责").ExpectReply(r => r.Route == Routes.Faq);

        Assert.StartsWith("品质管理部门负责制定品质管理制度并组织抽检[1]。", reply.Text);
        Assert.Contains("[1] 保险品质管理制度 › 二、组织架构与职责", reply.Text);
        var diagnostics = ChatService.Dialogs.Diagnostics.Read(reply.Activity)!;
        var cited = (string)diagnostics["citations"]!.AsArray().Single()!;
        Assert.Equal(cited, (string?)diagnostics["passageId"]);
        Assert.Contains("Passages:\n[1] 《保險品質管理制度》 › 二、組織架構與職責", _llm.LastMessage("user"));
        Assert.Contains("Question: 品质管理部门有哪些职责", _llm.LastMessage("user"));
    }

    [Fact]
    public async Task Send_ModelRefuses_GetsTheBotsFallbackNotAnExcerpt()
    {
        _llm.Reply = GroundedPrompt.RefusalToken;

        var reply = await Chat().Send("品质管理部门有哪些职责").ExpectReply(r => r.Route != Routes.Faq);

        Assert.Null(ChatService.Dialogs.Diagnostics.Read(reply.Activity)!["passageId"]);
        Assert.Single(_llm.Requests);
    }

    [Fact]
    public async Task Send_ModelTimesOut_GetsTheExcerpt()
    {
        _llm.Reply = "太晚了[1]";
        _llm.Delay = TimeSpan.FromSeconds(30);

        var reply = await Chat().Send("品质管理部门有哪些职责").ExpectReply(r => r.Route == Routes.Faq);

        Assert.Contains("来源：保险品质管理制度", reply.Text);
        Assert.Null(ChatService.Dialogs.Diagnostics.Read(reply.Activity)!["citations"]);
    }

    [Fact]
    public async Task Send_ModelCitesAPassageItWasNotGiven_GetsTheExcerpt()
    {
        _llm.Reply = "编造的答案[9]。";

        var reply = await Chat().Send("品质管理部门有哪些职责").ExpectReply(r => r.Route == Routes.Faq);

        Assert.DoesNotContain("编造", reply.Text);
        Assert.Contains("来源：", reply.Text);
    }
}
