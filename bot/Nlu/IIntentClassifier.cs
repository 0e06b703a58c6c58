namespace ChatService.Nlu;

/// <summary>Understands one customer message. Thread-safe; never throws on any input text.</summary>
public interface IIntentClassifier
{
    /// <summary>True once a model is loaded; before that every result is out of scope with confidence 0.</summary>
    bool IsReady { get; }

    /// <summary>
    /// Classifies <paramref name="text"/> (only its first <c>Nlu:MaxClassificationLength</c> characters) and extracts
    /// entities. <paramref name="localeHint"/> (the activity's locale) decides the script when the text does not.
    /// </summary>
    IntentResult Classify(string? text, string? localeHint = null);
}

/// <summary>What the customer wants, how sure we are, and what they mentioned.</summary>
public sealed record IntentResult
{
    /// <summary>The decided intent; <c>out_of_scope</c> when <see cref="IsOutOfScope"/>.</summary>
    public required string Intent { get; init; }
    /// <summary>Calibrated probability of the top intent (0–1).</summary>
    public double Confidence { get; init; }
    /// <summary>The next best intents with their probabilities, best first (for clarification buttons).</summary>
    public IReadOnlyList<IntentScore> Alternatives { get; init; } = [];
    public IReadOnlyList<NluEntity> Entities { get; init; } = [];
    /// <summary>zh-Hans, zh-Hant, en, mixed or unknown.</summary>
    public string Language { get; init; } = NluLanguages.Unknown;
    /// <summary>zh-Hans, zh-Hant or en: the language and script to answer in.</summary>
    public string ReplyLanguage { get; init; } = NluLanguages.English;
    public bool IsOutOfScope { get; init; }
    /// <summary>The top two intents are closer than <c>Nlu:AmbiguityMargin</c>: ask which one was meant.</summary>
    public bool IsAmbiguous { get; init; }
    /// <summary>The top intent before the out-of-scope decision (useful for diagnostics).</summary>
    public string TopIntent { get; init; } = Intents.OutOfScope;
}
