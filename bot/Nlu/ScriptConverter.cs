namespace ChatService.Nlu;

/// <summary>Converts Chinese text between Traditional and Simplified script with ICU (both directions thread-safe).</summary>
public static class ScriptConverter
{
    private static readonly IcuTransliterator ToSimplifiedTransliterator = new("Traditional-Simplified");
    private static readonly IcuTransliterator ToTraditionalTransliterator = new("Simplified-Traditional");

    /// <summary>True when ICU was found; without it both conversions return their input unchanged.</summary>
    public static bool IsAvailable => ToSimplifiedTransliterator.IsAvailable;

    public static string ToSimplified(string text) =>
        ContainsHan(text) ? ToSimplifiedTransliterator.Transliterate(text) : text;

    /// <summary>For answering Traditional-script customers: 保险理赔 → 保險理賠.</summary>
    public static string ToTraditional(string text) =>
        ContainsHan(text) ? ToTraditionalTransliterator.Transliterate(text) : text;

    internal static bool ContainsHan(string text)
    {
        foreach (var ch in text)
            if (IsHan(ch)) return true;
        return false;
    }

    internal static bool IsHan(char ch) => ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
