using System.Text;
using System.Text.RegularExpressions;
using ChatService.Backends;
using Microsoft.Extensions.Options;

namespace ChatService.Transcripts.Masking;

/// <summary>
/// Masks personal information in free text so transcripts can be reviewed without exposing it (PIPL; the
/// company's member-information rules). Pure and thread-safe. Rules run in a fixed order: e-mail, company
/// reference numbers, identity numbers, phones, then cards: a longer structure is masked before a shorter pattern
/// can bite into it, and a phone written with its country code (0086…) is not mistaken for a card.
/// What is and is not masked, and why, is listed in bot/Transcripts/README.md.
/// </summary>
public sealed class PiiMasker
{
    private const RegexOptions Fixed = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    // (?<![\w]) boundaries use ASCII letters/digits only: Chinese text glues numbers to characters ("我的卡号6222…").
    private const string Before = "(?<![0-9A-Za-z])";
    private const string After = "(?![0-9A-Za-z])";

    private static readonly Regex Email = new(@"(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})", Fixed, Timeout);
    private static readonly Regex MainlandId = new(Before + @"\d{17}[\dXx]" + After, Fixed, Timeout);
    private static readonly Regex TaiwanId = new(Before + @"[A-Za-z][1289]\d{8}" + After, Fixed, Timeout);
    private static readonly Regex HongKongId = new(Before + @"([A-Za-z]{1,2})(\d{6})(?:\(([0-9Aa])\)|([0-9Aa]))" + After, Fixed, Timeout);
    // Cards: a bare run of 13–19 digits, or groups of 3–6 after a first group of 4 (4-4-4-4, 4-6-5, 4-4-4-4-3).
    private static readonly Regex CardLike = new(Before + @"(?:\d{13,19}|\d{4}(?:[ -]\d{3,6}){2,4})" + After, Fixed, Timeout);
    private static readonly Regex CardGrouped = new(Before + @"\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?" + After, Fixed, Timeout);
    private static readonly Regex MainlandMobile = new(Before + @"((?:\+|00)86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})" + After, Fixed, Timeout);
    private static readonly Regex HongKongMobile = new(@"(?<![0-9])((?:\+|00)852[ -]?)[4-9]\d{3}[ -]?(\d{4})" + After, Fixed, Timeout);
    private static readonly Regex TaiwanMobile = new(Before + @"(?:((?:\+|00)886[ -]?)|0)(9\d{2})[ -]?\d{3}[ -]?(\d{3})" + After, Fixed, Timeout);

    private readonly Regex _policyNumber;
    private readonly Regex _claimNumber;

    public PiiMasker(IOptions<IdentifierFormats> formats) : this(formats.Value) { }

    public PiiMasker(IdentifierFormats formats)
    {
        _policyNumber = Word(formats.PolicyNumberPattern, "PolicyNumberPattern");
        _claimNumber = Word(formats.ClaimNumberPattern, "ClaimNumberPattern");
    }

    public PiiMasker() : this(new IdentifierFormats()) { }

    public string Mask(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        // A pathological input must not stall a turn: on a regex timeout the whole text is withheld, never stored raw.
        try
        {
            // E-mail needs an '@' and every other built-in rule a digit (\d: any Unicode digit); most text has neither.
            var builtIn = HasDigitOrAt(text);
            if (builtIn) text = Email.Replace(text, m => KeepFirst(m.Groups[1].Value, 1) + "@" + m.Groups[2].Value);
            text = _claimNumber.Replace(text, m => KeepLast(m.Value, 4));
            text = _policyNumber.Replace(text, m => KeepLast(m.Value, 4));
            if (!builtIn) return text;
            text = MainlandId.Replace(text, m => IdentityChecksums.IsValidMainlandId(m.Value) ? m.Value[..3] + Stars(11) + m.Value[^4..] : m.Value);
            text = TaiwanId.Replace(text, m => IdentityChecksums.IsValidTaiwanId(m.Value) ? m.Value[..1] + Stars(5) + m.Value[^4..] : m.Value);
            text = HongKongId.Replace(text, MaskHongKongId);
            text = MainlandMobile.Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Stars(4) + m.Groups[4].Value);
            text = HongKongMobile.Replace(text, m => m.Groups[1].Value + Stars(4) + m.Groups[2].Value);
            text = TaiwanMobile.Replace(text, m => (m.Groups[1].Success ? m.Groups[1].Value : "0") + m.Groups[2].Value + Stars(3) + m.Groups[3].Value);
            text = CardGrouped.Replace(text, m => Stars(4) + Digits(m.Value)[^4..]);
            text = CardLike.Replace(text, MaskCard);
            return text;
        }
        catch (RegexMatchTimeoutException)
        {
            return "[withheld: text could not be checked for personal information]";
        }
    }

    private static string MaskHongKongId(Match m)
    {
        var letters = m.Groups[1].Value;
        var digits = m.Groups[2].Value;
        var bracketed = m.Groups[3].Success;
        var check = bracketed ? m.Groups[3].Value[0] : m.Groups[4].Value[0];
        // The bracketed form is unmistakably an HKID, so a wrong check digit (a typo) is masked too;
        // the bare form could be any product code, so only a valid check digit counts.
        if (!bracketed && !IdentityChecksums.IsValidHongKongId(letters, digits, check)) return m.Value;
        var shown = digits[^3..];
        return letters + Stars(3) + shown + (bracketed ? $"({check})" : check.ToString());
    }

    private static string MaskCard(Match m)
    {
        var digits = Digits(m.Value);
        return digits.Length is >= 13 and <= 19 && IdentityChecksums.IsLuhnValid(digits) ? Stars(4) + digits[^4..] : m.Value;
    }

    private static Regex Word(string pattern, string name)
    {
        try
        {
            return new Regex(Before + "(?:" + pattern + ")" + After, Fixed | RegexOptions.IgnoreCase, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Transcripts:Masking:{name} is not a valid regular expression: {ex.Message}", ex);
        }
    }

    private static bool HasDigitOrAt(string text)
    {
        foreach (var c in text)
            if (c == '@' || char.IsDigit(c)) return true;
        return false;
    }

    private static string Digits(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            if (char.IsAsciiDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    private static string KeepFirst(string value, int count) => value[..Math.Min(count, value.Length)] + Stars(3);

    private static string KeepLast(string value, int count) =>
        value.Length <= count ? value : Stars(value.Length - count) + value[^count..];

    private static string Stars(int count) => new('*', count);
}
