using System.Security.Cryptography;
using System.Text;

namespace ChatService.Transcripts;

/// <summary>
/// AES-256-GCM for unmasked originals. Stored as nonce (12) | tag (16) | ciphertext, with a fresh random
/// nonce per row; the conversation id is authenticated data, so a row moved to another conversation fails to open.
/// </summary>
public sealed class TranscriptEncryption
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    private TranscriptEncryption(byte[] key) => _key = key;

    /// <summary>Null when no key is configured; throws a start-up error when the key is malformed.</summary>
    public static TranscriptEncryption? FromOptions(TranscriptsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.EncryptionKey)) return null;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(options.EncryptionKey.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Transcripts:EncryptionKey is not valid base64 (expected 32 random bytes, base64).");
        }
        if (key.Length != 32)
            throw new InvalidOperationException($"Transcripts:EncryptionKey must be 32 bytes (AES-256); it is {key.Length}.");
        return new TranscriptEncryption(key);
    }

    public byte[] Encrypt(string plaintext, string conversationId)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBox = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(conversationId));
        return sealedBox;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the key is wrong or the row was altered.</summary>
    public string Decrypt(byte[] sealedBox, string conversationId)
    {
        if (sealedBox.Length < NonceSize + TagSize) throw new CryptographicException("The encrypted original is truncated.");
        var plain = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(conversationId));
        return Encoding.UTF8.GetString(plain);
    }
}
