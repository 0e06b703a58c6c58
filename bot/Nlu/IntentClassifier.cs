using Microsoft.Extensions.Options;

namespace ChatService.Nlu;

/// <summary>Normalizes, detects the language, extracts entities and classifies with the current model.</summary>
public sealed class IntentClassifier(IntentModelHolder models, EntityExtractor entities, IOptions<NluOptions> options)
    : IIntentClassifier
{
    /// <summary>Entities are searched in this much text: bounded time on pasted documents.</summary>
    private const int MaxEntityLength = 4096;

    private readonly NluOptions settings = options.Value;

    public bool IsReady => models.Current is not null;

    public IntentResult Classify(string? text, string? localeHint = null)
    {
        text ??= "";
        var limit = Math.Max(1, settings.MaxClassificationLength);
        var classified = Truncate(text, limit);
        var language = LanguageDetector.Detect(classified, localeHint);
        var found = entities.Extract(Truncate(text, MaxEntityLength));
        var model = models.Current;
        var input = ModelInput.From(classified);
        if (model is null || !FeatureText.IsReadable(input.Text))
            return new IntentResult
            {
                Intent = Intents.OutOfScope, IsOutOfScope = true, Entities = found,
                Language = language.Code, ReplyLanguage = language.Reply,
            };
        if (model.Metadata.Encoder.Length > 0) input = model.Input(classified);
        var ranked = model.Rank(input);
        var threshold = settings.OutOfScopeThreshold ?? model.Metadata.OutOfScopeThreshold;
        var (chosen, outOfScope) = OutOfScopeDecision.Decide(ranked, threshold, model.Metadata.OutOfScopeClassScale, Intents.OutOfScope);
        var others = ranked.Where(s => s.Intent != chosen.Intent && s.Intent != Intents.OutOfScope).ToList();
        var second = others.Count > 0 ? others[0].Confidence : 0;
        return new IntentResult
        {
            Intent = outOfScope ? Intents.OutOfScope : chosen.Intent,
            TopIntent = ranked[0].Intent,
            Confidence = outOfScope ? ranked[0].Confidence : chosen.Confidence,
            Alternatives = others.Take(settings.MaxAlternatives).ToList(),
            Entities = found,
            Language = language.Code,
            ReplyLanguage = language.Reply,
            IsOutOfScope = outOfScope,
            IsAmbiguous = !outOfScope && chosen.Confidence - second < settings.AmbiguityMargin,
        };
    }

    /// <summary>Cuts at <paramref name="limit"/> characters without splitting a surrogate pair.</summary>
    private static string Truncate(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end];
    }
}
