using ChatService.KnowledgeBase;
using ChatService.KnowledgeBase.Content;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.KnowledgeBase;

public sealed class FaqAnswerRendererTests
{
    private sealed class Monitor(KnowledgeBaseOptions value) : IOptionsMonitor<KnowledgeBaseOptions>
    {
        public KnowledgeBaseOptions CurrentValue => value;
        public KnowledgeBaseOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<KnowledgeBaseOptions, string?> listener) => null;
    }

    private static readonly FaqAnswerRenderer Renderer = new(new Monitor(new KnowledgeBaseOptions
    {
        Facts = new()
        {
            ["zh-Hans"] = new() { ["company.hotline"] = "400-000-0000", ["company.name"] = "安心保险" },
            ["en"] = new() { ["company.hotline"] = "400-000-0000", ["company.name"] = "AnXin" },
        },
    }));

    private static readonly FaqEntry Entry = new()
    {
        Id = "channels-hotline",
        Category = "channels",
        Content = new Dictionary<string, FaqContent>
        {
            [FaqLanguages.Simplified] = new("客服电话是多少？", [], "请拨打{company.name}客服热线 {company.hotline}。"),
            [FaqLanguages.English] = new("What is the hotline?", [], "Call {company.name} on {company.hotline}. {company.unknown}"),
        },
    };

    [Fact]
    public void Answer_FillsCompanyFactsInTheCustomersLanguage()
    {
        Assert.Equal("请拨打安心保险客服热线 400-000-0000。", Renderer.Answer(Entry, FaqLanguages.Simplified));
        Assert.StartsWith("Call AnXin on 400-000-0000.", Renderer.Answer(Entry, FaqLanguages.English));
    }

    [Fact]
    public void Answer_TraditionalWithoutOverride_IsConvertedFromSimplified()
    {
        Assert.Equal("請撥打安心保險客服熱線 400-000-0000。", Renderer.Answer(Entry, FaqLanguages.Traditional));
    }

    [Fact]
    public void Answer_UnknownPlaceholder_IsLeftVisibleForEditorsToNotice()
    {
        Assert.EndsWith("{company.unknown}", Renderer.Answer(Entry, FaqLanguages.English));
    }
}
