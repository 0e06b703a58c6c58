using ChatService.Backends;
using ChatService.Nlu;

namespace ChatService.Tests.Nlu;

public sealed class EntityExtractorTests
{
    // Monday 23 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly EntityExtractor extractor = new(new IdentifierFormats());

    [Theory]
    // policy and claim numbers, in each language
    [InlineData("我的保单号P12345678", "policy_number", "P12345678", "P12345678")]
    [InlineData("我的保單號碼是ｐ１２３４５６７８", "policy_number", "ｐ１２３４５６７８", "P12345678")]
    [InlineData("my policy is p12345678.", "policy_number", "p12345678", "P12345678")]
    [InlineData("理赔编号CL20261102001进度", "claim_number", "CL20261102001", "CL20261102001")]
    [InlineData("claim CL20261102001 status", "claim_number", "CL20261102001", "CL20261102001")]
    // mobile phones: mainland, Hong Kong, Taiwan
    [InlineData("手机13812345678", "phone", "13812345678", "+8613812345678")]
    [InlineData("call me on +86 138-1234-5678", "phone", "+86 138-1234-5678", "+8613812345678")]
    [InlineData("電話 9123 4567", "phone", "9123 4567", "+85291234567")]
    [InlineData("my number is +852 6123-4567", "phone", "+852 6123-4567", "+85261234567")]
    [InlineData("手機0912-345-678", "phone", "0912-345-678", "+886912345678")]
    [InlineData("phone +886 912 345 678", "phone", "+886 912 345 678", "+886912345678")]
    // ID numbers: mainland (check digit X), Hong Kong (bracketed check digit), Taiwan
    [InlineData("身份证11010519491231002X", "id_number", "11010519491231002X", "11010519491231002X")]
    [InlineData("身份證 A123456(3)", "id_number", "A123456(3)", "A1234563")]
    [InlineData("ID A123456789", "id_number", "A123456789", "A123456789")]
    // email
    [InlineData("邮箱 Foo.Bar@Example.com", "email", "Foo.Bar@Example.com", "foo.bar@example.com")]
    [InlineData("email me at a_b@mail.example.hk", "email", "a_b@mail.example.hk", "a_b@mail.example.hk")]
    // dates, absolute and relative
    [InlineData("昨天出的事", "date", "昨天", "2026-11-22")]
    [InlineData("前天", "date", "前天", "2026-11-21")]
    [InlineData("上週三住院", "date", "上週三", "2026-11-18")]
    [InlineData("上周五", "date", "上周五", "2026-11-20")]
    [InlineData("11月2日发生的", "date", "11月2日", "2026-11-02")]
    [InlineData("十一月二號", "date", "十一月二號", "2026-11-02")]
    [InlineData("2025年12月30日", "date", "2025年12月30日", "2025-12-30")]
    [InlineData("三天前", "date", "三天前", "2026-11-20")]
    [InlineData("it happened yesterday", "date", "yesterday", "2026-11-22")]
    [InlineData("last Monday", "date", "last Monday", "2026-11-16")]
    [InlineData("on 2 Nov", "date", "2 Nov", "2026-11-02")]
    [InlineData("November 2nd, 2025", "date", "November 2nd, 2025", "2025-11-02")]
    [InlineData("2026-11-02", "date", "2026-11-02", "2026-11-02")]
    // times
    [InlineData("下午3点", "time", "下午3点", "15:00")]
    [InlineData("晚上八點半", "time", "晚上八點半", "20:30")]
    [InlineData("at 3:30pm", "time", "3:30pm", "15:30")]
    [InlineData("around 9 am", "time", "9 am", "09:00")]
    [InlineData("14:45", "time", "14:45", "14:45")]
    // money
    [InlineData("花了3千元", "money", "3千元", "3000")]
    [InlineData("三千块", "money", "三千块", "3000")]
    [InlineData("醫藥費三千五百蚊", "money", "三千五百蚊", "3500")]
    [InlineData("¥3,000", "money", "¥3,000", "3000")]
    [InlineData("$3,000", "money", "$3,000", "3000")]
    [InlineData("住院费1.5万", "money", "1.5万", "15000")]
    [InlineData("about 250 dollars", "money", "250 dollars", "250")]
    public void Extract_FindsEachForm(string text, string type, string matched, string value)
    {
        var entity = Assert.Single(extractor.Extract(text, Today), e => e.Type == type);
        Assert.Equal(matched, entity.Text);
        Assert.Equal(value, entity.Value);
    }

    [Theory]
    [InlineData("¥3,000", "CNY")]
    [InlineData("HK$500", "HKD")]
    [InlineData("NT$1,200", "TWD")]
    [InlineData("3000港币", "HKD")]
    [InlineData("US$20", "USD")]
    [InlineData("$20", null)]  // bare $ differs by region: the flow asks
    public void Extract_NamesTheCurrencyWhenTheTextDoes(string text, string? currency) =>
        Assert.Equal(currency, Assert.Single(extractor.Extract(text, Today)).Unit);

    [Fact]
    public void Extract_UsesConfiguredIdentifierFormats()
    {
        var custom = new EntityExtractor(new IdentifierFormats { PolicyNumberPattern = @"AX-\d{6}", ClaimNumberPattern = @"C\d{4}" });
        var entities = custom.Extract("policy ax-123456 claim C1234 and P12345678", Today);
        Assert.Equal(["policy_number:AX-123456", "claim_number:C1234"], entities.Select(e => $"{e.Type}:{e.Value}"));
    }

    [Theory]
    [InlineData("身份证110105194912310021")]  // wrong check digit
    [InlineData("A123456(4)")]
    [InlineData("B123456789")]
    [InlineData("I sat down on the sun deck")]
    [InlineData("我有3个问题")]
    public void Extract_IgnoresLookalikes(string text) => Assert.Empty(extractor.Extract(text, Today));

    [Fact]
    public void Extract_ReportsSeveralEntitiesInTextOrder()
    {
        var entities = extractor.Extract("我昨天下午3點出了車禍，保單P12345678，電話0912-345-678", Today);
        Assert.Equal(["date", "time", "policy_number", "phone"], entities.Select(e => e.Type));
    }
}
