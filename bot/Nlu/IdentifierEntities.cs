using System.Text.RegularExpressions;

namespace ChatService.Nlu;

/// <summary>Emails, mobile phones (mainland, Hong Kong, Taiwan) and ID numbers (mainland, Hong Kong, Taiwan) with check digits.</summary>
internal static partial class IdentifierEntities
{
    public static IEnumerable<NluEntity> Emails(string text)
    {
        foreach (Match m in EmailRegex().Matches(text))
            yield return new(EntityTypes.Email, m.Value, m.Value.ToLowerInvariant(), m.Index, m.Length);
    }

    public static IEnumerable<NluEntity> Phones(string text)
    {
        foreach (Match m in MainlandMobileRegex().Matches(text))
            yield return Phone(m, "+86", Digits(m.Groups["n"].Value));
        foreach (Match m in TaiwanMobileRegex().Matches(text))
            yield return Phone(m, "+886", Digits(m.Groups["n"].Value));
        foreach (Match m in HongKongMobileRegex().Matches(text))
            yield return Phone(m, "+852", Digits(m.Groups["n"].Value));
    }

    public static IEnumerable<NluEntity> IdNumbers(string text)
    {
        foreach (Match m in MainlandIdRegex().Matches(text))
            if (MainlandChecksumOk(m.Value.ToUpperInvariant()))
                yield return new(EntityTypes.IdNumber, m.Value, m.Value.ToUpperInvariant(), m.Index, m.Length, "CN");
        foreach (Match m in HongKongIdRegex().Matches(text))
        {
            var value = (m.Groups["p"].Value + m.Groups["d"].Value + m.Groups["c"].Value).ToUpperInvariant();
            if (HongKongChecksumOk(value))
                yield return new(EntityTypes.IdNumber, m.Value, value, m.Index, m.Length, "HK");
        }
        foreach (Match m in TaiwanIdRegex().Matches(text))
            if (TaiwanChecksumOk(m.Value.ToUpperInvariant()))
                yield return new(EntityTypes.IdNumber, m.Value, m.Value.ToUpperInvariant(), m.Index, m.Length, "TW");
    }

    private static NluEntity Phone(Match m, string country, string national) =>
        new(EntityTypes.Phone, m.Value, country + national, m.Index, m.Length, country);

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>GB 11643: ISO 7064 MOD 11-2 over the first 17 digits.</summary>
    internal static bool MainlandChecksumOk(string id)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == id[17];
    }

    /// <summary>HKID: letters count 10–35 (a missing first letter is 36), weights 9…2, the check makes the sum divisible by 11.</summary>
    internal static bool HongKongChecksumOk(string id)
    {
        var body = id.Length == 8 ? " " + id : id; // one-letter prefix
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var ch = body[i];
            var value = ch == ' ' ? 36 : char.IsAsciiLetter(ch) ? ch - 'A' + 10 : ch - '0';
            sum += value * (9 - i);
        }
        var check = body[8] == 'A' ? 10 : body[8] - '0';
        return (sum + check) % 11 == 0;
    }

    /// <summary>Taiwan national ID: the letter maps to two digits, weights 1,9,8,…,1, sum divisible by 10.</summary>
    internal static bool TaiwanChecksumOk(string id)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVXYWZIO"; // A=10 … O=35 in the official order
        var code = letters.IndexOf(id[0]) + 10;
        if (code < 10) return false;
        var sum = code / 10 + code % 10 * 9;
        for (var i = 1; i < 9; i++) sum += (id[i] - '0') * (9 - i);
        sum += id[9] - '0';
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}", RegexOptions.None, 200)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<![\dA-Za-z])(?:(?:\+|00)?86[\s-]?)?(?<n>1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?!\d)", RegexOptions.None, 200)]
    private static partial Regex MainlandMobileRegex();

    [GeneratedRegex(@"(?<![\dA-Za-z])(?:(?:\+|00)886[\s-]?0?|0)(?<n>9\d{2}[\s-]?\d{3}[\s-]?\d{3})(?!\d)", RegexOptions.None, 200)]
    private static partial Regex TaiwanMobileRegex();

    [GeneratedRegex(@"(?<![\dA-Za-z])(?:(?:\+|00)852[\s-]?)?(?<n>[4-79]\d{3}[\s-]?\d{4})(?!\d)", RegexOptions.None, 200)]
    private static partial Regex HongKongMobileRegex();

    [GeneratedRegex(@"(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])", RegexOptions.None, 200)]
    private static partial Regex MainlandIdRegex();

    [GeneratedRegex(@"(?<![\dA-Za-z])(?<p>[A-Za-z]{1,2})(?<d>\d{6})\s?(?:\((?<c>[\dAa])\)|(?<c>[\dAa]))(?![\dA-Za-z])", RegexOptions.None, 200)]
    private static partial Regex HongKongIdRegex();

    [GeneratedRegex(@"(?<![\dA-Za-z])[A-Za-z][12]\d{8}(?![\dA-Za-z])", RegexOptions.None, 200)]
    private static partial Regex TaiwanIdRegex();
}
