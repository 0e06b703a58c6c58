using System.Security.Cryptography;
using ChatService.Transcripts;

namespace ChatService.Tests.Transcripts;

public sealed class TranscriptEncryptionTests
{
    [Fact]
    public void FromOptions_NoKey_ReturnsNull() => Assert.Null(TranscriptEncryption.FromOptions(new TranscriptsOptions()));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")] // 3 bytes
    public void FromOptions_BadKey_ThrowsNamingTheSetting(string key)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TranscriptEncryption.FromOptions(new TranscriptsOptions { EncryptionKey = key }));
        Assert.Contains("Transcripts:EncryptionKey", ex.Message);
    }

    [Fact]
    public void Encrypt_SameTextTwice_UsesFreshNonces()
    {
        var encryption = TranscriptEncryption.FromOptions(new TranscriptsOptions { EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) })!;
        var a = encryption.Encrypt("{\"text\":\"hi\"}", "c");
        var b = encryption.Encrypt("{\"text\":\"hi\"}", "c");
        Assert.NotEqual(a, b);
        Assert.Equal(encryption.Decrypt(a, "c"), encryption.Decrypt(b, "c"));
    }
}
