namespace ChatService.Transcripts.Masking;

/// <summary>Formats of the company's own reference numbers (<c>Transcripts:Masking</c>). Masked to their last 4 characters.</summary>
public sealed class MaskingOptions
{
    /// <summary>Regular expression of a policy number (matched case-insensitively, as a whole word).</summary>
    public string PolicyNumberPattern { get; set; } = @"P\d{8}";

    /// <summary>Regular expression of a claim number (matched case-insensitively, as a whole word).</summary>
    public string ClaimNumberPattern { get; set; } = @"CL\d{11}";
}
