using ChatService.Transcripts.Masking;

namespace ChatService.Tests.Transcripts;

public sealed class IdentityChecksumsTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110101199003071233", true)]
    [InlineData("110101199003071234", false)]
    [InlineData("1101011990030712", false)]
    public void IsValidMainlandId_ChecksTheCheckCharacter(string id, bool valid) =>
        Assert.Equal(valid, IdentityChecksums.IsValidMainlandId(id));

    [Theory]
    [InlineData("A123456789", true)]
    [InlineData("A123456780", false)]
    [InlineData("1123456789", false)]
    public void IsValidTaiwanId_ChecksTheCheckDigit(string id, bool valid) =>
        Assert.Equal(valid, IdentityChecksums.IsValidTaiwanId(id));

    [Theory]
    [InlineData("A", "123456", '3', true)]
    [InlineData("A", "123456", '7', false)]
    public void IsValidHongKongId_ChecksTheCheckDigit(string letters, string digits, char check, bool valid) =>
        Assert.Equal(valid, IdentityChecksums.IsValidHongKongId(letters, digits, check));

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("6222021234567894", true)]
    [InlineData("6222021234567890", false)]
    public void IsLuhnValid_ChecksModTen(string digits, bool valid) =>
        Assert.Equal(valid, IdentityChecksums.IsLuhnValid(digits));
}
