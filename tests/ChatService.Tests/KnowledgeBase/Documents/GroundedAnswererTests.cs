using ChatService.KnowledgeBase.Answering;
using ChatService.KnowledgeBase.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.KnowledgeBase.Documents;

/// <summary>
/// Grounded answers against <see cref="LlmStandIn"/>, a local OpenAI-compatible server standing in for an external
/// LLM (none can run here). The connector, HTTP and JSON on our side are the real ones.
/// </summary>
public sealed class GroundedAnswererTests : IAsyncLifetime
{
    private LlmStandIn _llm = null!;

    private static readonly Passage[] Passages =
    [
        new("quality-management-policy#20", "quality-management-policy", "保險品質管理制度", null, ["五、理賠品質管理"], "對于簡單賠案,應在規定時間內快速結案。"),
        new("member-service-management-policy#7", "member-service-management-policy", "保險會員服務管理制度", null, ["三、會員服務流程"], "會員發生保險事故后,及時向客服人員報案。"),
    ];

    public async Task InitializeAsync() => _llm = await LlmStandIn.StartAsync();

    public async Task DisposeAsync() => await _llm.DisposeAsync();

    private GroundedAnswerer Answerer(TimeSpan? timeout = null) => new(
        new StaticOptions(new GenerationOptions
        {
            Enabled = true, Endpoint = _llm.Endpoint, Model = "stand-in", Timeout = timeout ?? TimeSpan.FromSeconds(30),
        }),
        NullLogger<GroundedAnswerer>.Instance);

    [Fact]
    public async Task Answer_SendsAStrictPromptWithEveryPassageNumberedAndTheQuestion()
    {
        _llm.Reply = "简单赔案会快速结案[1]。";
        using var answerer = Answerer();

        await answerer.AnswerAsync("简单赔案多久结案", Passages, "zh-Hans", CancellationToken.None);

        var user = _llm.LastMessage("user");
        Assert.Contains("[1] 《保險品質管理制度》 › 五、理賠品質管理\n對于簡單賠案,應在規定時間內快速結案。", user);
        Assert.Contains("[2] 《保險會員服務管理制度》 › 三、會員服務流程\n會員發生保險事故后", user);
        Assert.Contains("Question: 简单赔案多久结案", user);
        var system = _llm.LastMessage("system");
        Assert.Contains("ONLY the numbered passages", system);
        Assert.Contains($"reply with exactly {GroundedPrompt.RefusalToken}", system);
        Assert.Contains("Simplified Chinese", system);
        Assert.Equal("stand-in", (string?)_llm.Requests.Last()["model"]);
    }

    [Fact]
    public async Task Answer_ModelCitesPassages_ReturnsTheAnswerWithTheCitedPassages()
    {
        _llm.Reply = "出险后请先报案[2]，简单赔案会在规定时间内快速结案[1]。";
        using var answerer = Answerer();

        var answer = await answerer.AnswerAsync("出险后怎么办", Passages, "zh-Hans", CancellationToken.None);

        Assert.Equal(GroundedOutcomeKind.Answered, answer.Kind);
        Assert.Equal(["member-service-management-policy#7", "quality-management-policy#20"], answer.Cited!.Select(c => c.Passage.Id));
    }

    [Fact]
    public async Task Answer_ModelSaysThePassagesDoNotSupportAnAnswer_IsARefusal()
    {
        _llm.Reply = GroundedPrompt.RefusalToken;
        using var answerer = Answerer();

        var answer = await answerer.AnswerAsync("你们的股票代码是多少", Passages, "zh-Hans", CancellationToken.None);

        Assert.Equal(GroundedOutcomeKind.Refused, answer.Kind);
    }

    [Fact]
    public async Task Answer_ModelTooSlow_FailsQuietlyInsteadOfThrowing()
    {
        _llm.Reply = "太晚了[1]";
        _llm.Delay = TimeSpan.FromSeconds(30);
        using var answerer = Answerer(timeout: TimeSpan.FromMilliseconds(300));

        var answer = await answerer.AnswerAsync("简单赔案多久结案", Passages, "zh-Hans", CancellationToken.None);

        Assert.Equal(GroundedOutcomeKind.Failed, answer.Kind);
    }

    [Fact]
    public async Task Answer_EndpointErrors_FailsQuietlyInsteadOfThrowing()
    {
        _llm.Reply = null; // the stand-in answers 500
        using var answerer = Answerer();

        var answer = await answerer.AnswerAsync("简单赔案多久结案", Passages, "zh-Hans", CancellationToken.None);

        Assert.Equal(GroundedOutcomeKind.Failed, answer.Kind);
        Assert.Single(_llm.Requests); // no retries while the customer waits
    }

    [Fact]
    public async Task Answer_NothingListens_FailsQuietly()
    {
        var endpoint = _llm.Endpoint;
        await _llm.DisposeAsync();
        using var answerer = new GroundedAnswerer(
            new StaticOptions(new GenerationOptions { Enabled = true, Endpoint = endpoint, Model = "m" }), NullLogger<GroundedAnswerer>.Instance);

        var answer = await answerer.AnswerAsync("简单赔案多久结案", Passages, "zh-Hans", CancellationToken.None);

        Assert.Equal(GroundedOutcomeKind.Failed, answer.Kind);
        _llm = await LlmStandIn.StartAsync();
    }

    private sealed class StaticOptions(GenerationOptions value) : IOptionsMonitor<GenerationOptions>
    {
        public GenerationOptions CurrentValue => value;
        public GenerationOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<GenerationOptions, string?> listener) => null;
    }
}
