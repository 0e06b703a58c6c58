namespace ChatService.Backends;

/// <summary>
/// The formats of the company's own reference numbers (<c>Backends:Identifiers</c>). One definition serves both the
/// entity extractor (finding them in a message) and the transcript masker (hiding all but their last 4 characters),
/// so a format change can never leave numbers recognised but unmasked.
/// </summary>
public sealed class IdentifierFormats
{
    public const string Section = "Backends:Identifiers";

    /// <summary>Regular expression of a policy number (matched case-insensitively, as a whole word).</summary>
    public string PolicyNumberPattern { get; set; } = @"P\d{8}";

    /// <summary>Regular expression of a claim number (matched case-insensitively, as a whole word).</summary>
    public string ClaimNumberPattern { get; set; } = @"CL\d{11}";

    /// <summary>The formats configured in <paramref name="configuration"/> (defaults where unset).</summary>
    public static IdentifierFormats From(IConfiguration configuration)
    {
        var formats = new IdentifierFormats();
        configuration.GetSection(Section).Bind(formats);
        return formats;
    }
}
