using System.Text;

namespace ChatService.Nlu;

/// <summary>
/// Turns normalized text into the token stream the word n-grams read: every Han character is a token (so word
/// n-grams over Chinese are character n-grams), Latin words stay words, and digit runs become '0' so that numbers
/// (policy numbers, amounts) generalize.
/// </summary>
public static class FeatureText
{
    public static string Tokens(string normalized)
    {
        var builder = new StringBuilder(normalized.Length * 2);
        var inDigits = false;
        foreach (var ch in normalized)
        {
            if (char.IsDigit(ch))
            {
                if (!inDigits) builder.Append('0');
                inDigits = true;
                continue;
            }
            if (ch is '.' or ',' && inDigits) continue;
            inDigits = false;
            if (ScriptConverter.IsHan(ch) || IsOtherCjk(ch))
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
                builder.Append(ch).Append(' ');
            }
            else builder.Append(ch);
        }
        return builder.ToString().Trim();
    }

    /// <summary>
    /// The ICU word segmentation of Chinese text, words separated by spaces and digit runs as '0'
    /// (我要申请理赔 → 我要 申请 理 赔: ICU's general dictionary lacks insurance terms); empty for text without Han
    /// characters, which the word block covers.
    /// </summary>
    public static string Segments(string normalized)
    {
        if (!ScriptConverter.ContainsHan(normalized)) return "";
        var builder = new StringBuilder(normalized.Length * 2);
        foreach (var word in IcuWordBreaker.Split(normalized))
        {
            if (builder.Length > 0) builder.Append(' ');
            var inDigits = false;
            foreach (var ch in word)
            {
                if (char.IsDigit(ch)) { if (!inDigits) builder.Append('0'); inDigits = true; }
                else if (!(ch is '.' or ',' && inDigits)) { builder.Append(ch); inDigits = false; }
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// True when the normalized text has something the model was trained to read: a Han character, a Latin letter or
    /// a digit. Text in other scripts (Korean, Arabic, Cyrillic…) would reach the model as little more than spaces
    /// and the start/end markers, and block normalization would turn that into a confident guess.
    /// </summary>
    public static bool IsReadable(string normalized)
    {
        foreach (var ch in normalized)
            if (ScriptConverter.IsHan(ch) || char.IsAsciiLetterOrDigit(ch) || ch is >= 'À' and <= 'ɏ' || char.IsDigit(ch))
                return true;
        return false;
    }

    private static bool IsOtherCjk(char ch) => ch is >= '\u3040' and <= '\u30ff' or >= '\uac00' and <= '\ud7af';
}
