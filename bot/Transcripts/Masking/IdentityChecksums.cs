namespace ChatService.Transcripts.Masking;

/// <summary>The check-digit rules that tell a real identity or card number from digits that only look like one.</summary>
public static class IdentityChecksums
{
    private static readonly int[] MainlandWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string MainlandCheckChars = "10X98765432";

    // Taiwan maps the leading letter to a two-digit area code; the order is historical, not alphabetical.
    private const string TaiwanLetters = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

    /// <summary>GB 11643: 17 digits weighted mod 11, check character 0–9 or X.</summary>
    public static bool IsValidMainlandId(ReadOnlySpan<char> id)
    {
        if (id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * MainlandWeights[i];
        }
        return char.ToUpperInvariant(id[17]) == MainlandCheckChars[sum % 11];
    }

    /// <summary>Taiwan national ID (and the 2021 resident certificate): letter + 9 digits, weighted mod 10.</summary>
    public static bool IsValidTaiwanId(ReadOnlySpan<char> id)
    {
        if (id.Length != 10) return false;
        var code = TaiwanLetters.IndexOf(char.ToUpperInvariant(id[0]));
        if (code < 0) return false;
        code += 10;
        var sum = code / 10 + code % 10 * 9;
        for (var i = 1; i < 10; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * (i == 9 ? 1 : 9 - i);
        }
        return sum % 10 == 0;
    }

    /// <summary>Hong Kong ID: one or two letters, six digits, check digit 0–9 or A, weighted mod 11.</summary>
    public static bool IsValidHongKongId(string letters, string digits, char check)
    {
        if (letters.Length is < 1 or > 2 || digits.Length != 6) return false;
        var prefix = letters.Length == 1 ? " " + letters.ToUpperInvariant() : letters.ToUpperInvariant();
        var sum = 0;
        var weight = 9;
        foreach (var c in prefix)
            sum += (c == ' ' ? 36 : c - 'A' + 10) * weight--;
        foreach (var c in digits)
            sum += (c - '0') * weight--;
        var value = check is 'A' or 'a' ? 10 : check - '0';
        return (sum + value) % 11 == 0;
    }

    /// <summary>The Luhn (mod 10) check that every payment card number carries.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9) d -= 9;
            sum += d;
            doubleIt = !doubleIt;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }
}
