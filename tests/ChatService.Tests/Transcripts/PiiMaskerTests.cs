using ChatService.Backends;
using ChatService.Transcripts.Masking;

namespace ChatService.Tests.Transcripts;

public sealed class PiiMaskerTests
{
    private readonly PiiMasker _masker = new();

    [Theory]
    [InlineData("我的身份证号是11010519491231002X", "我的身份证号是110***********002X")]
    [InlineData("ID 11010519491231002x please", "ID 110***********002x please")]
    [InlineData("110101199003071233", "110***********1233")]
    public void Mask_ValidMainlandId_KeepsRegionAndLastFour(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Fact]
    public void Mask_MainlandIdWithBadChecksum_IsNotMaskedAsId()
    {
        // 18 digits, wrong check digit and not Luhn-valid: neither an ID nor a card.
        Assert.Equal("110101199003071234", _masker.Mask("110101199003071234"));
    }

    [Theory]
    [InlineData("身分證 A123456789", "身分證 A*****6789")]
    [InlineData("a123456789", "a*****6789")]
    public void Mask_ValidTaiwanId_KeepsLetterAndLastFour(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Fact]
    public void Mask_TaiwanIdWithBadChecksum_IsKept() => Assert.Equal("A123456788", _masker.Mask("A123456788"));

    [Theory]
    [InlineData("身份證 A123456(3)", "身份證 A***456(3)")]
    [InlineData("HKID A123456(7) typo", "HKID A***456(7) typo")] // bracketed form is masked even with a wrong check digit
    [InlineData("AB987654(2)", "AB***654(2)")]
    [InlineData("A1234563", "A***4563")]
    public void Mask_HongKongId_KeepsPrefixAndLastDigits(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Fact]
    public void Mask_BareHongKongLikeCodeWithBadCheckDigit_IsKept() => Assert.Equal("型号 A1234567", _masker.Mask("型号 A1234567"));

    [Theory]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("+86 138 1234 5678", "+86 138****5678")]
    [InlineData("+86-138-1234-5678", "+86-138****5678")]
    [InlineData("008613812345678", "0086138****5678")]
    [InlineData("call 19912345678.", "call 199****5678.")]
    public void Mask_MainlandMobile_KeepsFirstThreeAndLastFour(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Theory]
    [InlineData("+852 9123 4567", "+852 ****4567")]
    [InlineData("+85261234567", "+852****4567")]
    public void Mask_HongKongMobileWithCountryCode_KeepsLastFour(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Theory]
    [InlineData("手機 0912-345-678", "手機 0912***678")]
    [InlineData("0912345678", "0912***678")]
    [InlineData("+886 912 345 678", "+886 912***678")]
    public void Mask_TaiwanMobile_KeepsPrefixAndLastThree(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Theory]
    [InlineData("卡号6222021234567894", "卡号****7894")]
    [InlineData("4111 1111 1111 1111", "****1111")]
    [InlineData("4111-1111-1111-1111", "****1111")]
    [InlineData("6217000000000000004", "****0004")]
    public void Mask_LuhnValidCard_KeepsLastFour(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Fact]
    public void Mask_CardGroupedNonLuhn_IsMaskedAsPossibleCard() =>
        Assert.Equal("****7890", _masker.Mask("6222 0212 3456 7890"));

    [Fact]
    public void Mask_BareNonLuhnSixteenDigits_IsKeptAsAReferenceNumber() =>
        Assert.Equal("订单 6222021234567890", _masker.Mask("订单 6222021234567890"));

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("邮箱：li+ins@mail.example.com.cn。", "邮箱：l***@mail.example.com.cn。")]
    public void Mask_Email_KeepsFirstCharacterAndDomain(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Theory]
    [InlineData("保单号P12345678", "保单号*****5678")]
    [InlineData("policy p12345678?", "policy *****5678?")]
    [InlineData("理赔编号CL13812345678", "理赔编号*********5678")]
    public void Mask_PolicyAndClaimNumbers_KeepLastFour(string input, string expected) =>
        Assert.Equal(expected, _masker.Mask(input));

    [Fact]
    public void Mask_ConfiguredPolicyPattern_IsUsed()
    {
        var masker = new PiiMasker(new IdentifierFormats { PolicyNumberPattern = @"AX-\d{6}" });
        Assert.Equal("保单 *****3456，旧号 P12345678", masker.Mask("保单 AX-123456，旧号 P12345678"));
    }

    [Fact]
    public void Constructor_InvalidPattern_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new PiiMasker(new IdentifierFormats { ClaimNumberPattern = "CL(" }));
        Assert.Contains("ClaimNumberPattern", ex.Message);
    }

    [Theory]
    [InlineData("理赔金额 123456 元")]
    [InlineData("出险日期 2024-01-15，报案日期 2024/01/16")]
    [InlineData("20240115")]
    [InlineData("客服热线 400-000-0000")]
    [InlineData("保额 1,000,000 元，免赔额 500")]
    [InlineData("订单号 12345678901")] // 11 digits but not a mobile prefix (1[3-9])
    [InlineData("P1234567 is too short, P123456789 is too long")]
    [InlineData("time 2024-01-15 13:45:00")]
    [InlineData("")]
    public void Mask_LookAlikes_AreLeftAlone(string input) => Assert.Equal(input, _masker.Mask(input));

    [Fact]
    public void Mask_SentenceWithSeveralKinds_MasksEach()
    {
        var input = "我叫张三，身份证11010519491231002X，手机13812345678，保单P12345678，邮箱zs@example.com";
        Assert.Equal("我叫张三，身份证110***********002X，手机138****5678，保单*****5678，邮箱z***@example.com", _masker.Mask(input));
    }
}
