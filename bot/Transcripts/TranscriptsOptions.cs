namespace ChatService.Transcripts;

/// <summary>The <c>Transcripts</c> section. The database lives at <c>{Storage:DataDirectory}/transcripts.db</c>.</summary>
public sealed class TranscriptsOptions
{
    public const string Section = "Transcripts";

    /// <summary><c>sqlite</c> (default, durable) or <c>memory</c> (tests and demos only: lost on restart).</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>
    /// Base64 of 32 random bytes. When set, each row also keeps the unmasked activity, AES-GCM encrypted, readable
    /// only through the admin API. When empty, unmasked originals are never stored.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Most appends committed in one transaction by the group-commit writer.</summary>
    public int MaxBatchSize { get; set; } = 256;
}
