using System.Text.RegularExpressions;
using ChatService.Backends;

namespace ChatService.Nlu;

/// <summary>
/// Finds policy and claim numbers (formats from <see cref="IdentifierFormats"/>), emails, ID numbers, mobile phones,
/// money, dates and times in Chinese and English text. Pure rules; thread-safe. Earlier kinds win overlaps in that
/// order. Offsets refer to the original text (width folding keeps them).
/// </summary>
public sealed class EntityExtractor
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex policyNumber;
    private readonly Regex claimNumber;
    private readonly TimeProvider clock;

    public EntityExtractor(IdentifierFormats formats, TimeProvider? clock = null)
    {
        policyNumber = Identifier(formats.PolicyNumberPattern);
        claimNumber = Identifier(formats.ClaimNumberPattern);
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Entities in text order. Relative dates resolve against <paramref name="referenceDate"/> (default: today).</summary>
    public IReadOnlyList<NluEntity> Extract(string? text, DateOnly? referenceDate = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var folded = TextNormalizer.FoldWidth(text);
        var today = referenceDate ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var accepted = new List<NluEntity>();
        IEnumerable<NluEntity>[] finders =
        [
            IdentifierEntities.Emails(folded),
            Identifiers(claimNumber, EntityTypes.ClaimNumber, folded),
            Identifiers(policyNumber, EntityTypes.PolicyNumber, folded),
            IdentifierEntities.IdNumbers(folded),
            IdentifierEntities.Phones(folded),
            DateEntities.Find(folded, today),
            TimeEntities.Find(folded),
            MoneyEntities.Find(folded),
        ];
        foreach (var finder in finders)
        {
            try
            {
                foreach (var entity in finder)
                    if (!accepted.Any(a => entity.Start < a.Start + a.Length && a.Start < entity.Start + entity.Length))
                        accepted.Add(entity with { Text = text.Substring(entity.Start, entity.Length) });
            }
            catch (RegexMatchTimeoutException) { } // pathological input: skip this kind, keep the others
        }
        return accepted.OrderBy(e => e.Start).ToList();
    }

    private static IEnumerable<NluEntity> Identifiers(Regex regex, string type, string text)
    {
        foreach (Match m in regex.Matches(text))
            yield return new NluEntity(type, m.Value, m.Value.ToUpperInvariant(), m.Index, m.Length);
    }

    private static Regex Identifier(string pattern) =>
        new($@"(?<![A-Za-z0-9])(?:{pattern})(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
}
