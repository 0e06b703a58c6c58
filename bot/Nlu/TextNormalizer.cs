using System.Globalization;
using System.Text;

namespace ChatService.Nlu;

/// <summary>
/// The one normalization shared by training and prediction: Unicode NFKC (which also folds full-width forms to
/// half-width), case folding, Traditional → Simplified, and punctuation/whitespace cleanup.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        return CleanUp(ScriptConverter.ToSimplified(Fold(text)));
    }

    /// <summary>
    /// <see cref="Normalize"/> without the Traditional → Simplified step (the one that calls ICU): for text known to
    /// be in Simplified Chinese or English already, where it changes nothing.
    /// </summary>
    public static string NormalizeSimplified(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : CleanUp(Fold(text));

    /// <summary>Width, compatibility forms and case: the steps both normalizations share.</summary>
    private static string Fold(string text) => FoldWidth(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Full-width ASCII variants and the ideographic space to their half-width forms (NFKC does most of it).</summary>
    public static string FoldWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
            builder.Append(ch switch
            {
                >= '\uff01' and <= '\uff5e' => (char)(ch - 0xfee0),
                '\u3000' => ' ',
                '\u3002' or '\uff61' => '.',
                '\u3001' => ',',
                _ => ch,
            });
        return builder.ToString();
    }

    /// <summary>Punctuation, symbols and control characters become spaces; runs of spaces collapse to one.</summary>
    public static string CleanUp(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\'' || ch == '\u2019') continue; // don't → dont, so contractions stay one word
            if (IsKept(text, i))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(ch);
            }
            else pendingSpace = true;
        }
        return builder.ToString();
    }

    private static bool IsKept(string text, int i)
    {
        var ch = text[i];
        if (char.IsLetterOrDigit(ch)) return true;
        if (char.IsSurrogate(ch) || char.IsWhiteSpace(ch) || char.IsControl(ch)) return false;
        // A decimal point or thousands separator inside a number is part of the number.
        if (ch is '.' or ',' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
            return true;
        return CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
