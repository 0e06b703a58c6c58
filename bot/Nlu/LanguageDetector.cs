namespace ChatService.Nlu;

/// <summary>The language/script codes the NLU reports.</summary>
public static class NluLanguages
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string English = "en";
    public const string Mixed = "mixed";
    public const string Unknown = "unknown";
}

/// <summary>What the customer wrote in (<see cref="Code"/>) and what to answer in (<see cref="Reply"/>: never mixed).</summary>
public sealed record DetectedLanguage(string Code, string Reply);

/// <summary>Detects zh-Hans, zh-Hant, en or mixed (Chinese with English words) from the characters used.</summary>
public static class LanguageDetector
{
    public static DetectedLanguage Detect(string? text, string? localeHint = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return FromHint(localeHint, NluLanguages.Unknown);
        var han = new System.Text.StringBuilder();
        int latinWords = 0, latinLetters = 0, others = 0;
        var inWord = false;
        foreach (var raw in text)
        {
            var ch = raw is >= '\uff21' and <= '\uff5a' ? (char)(raw - 0xfee0) : raw;
            if (ScriptConverter.IsHan(ch)) { han.Append(ch); inWord = false; }
            else if (ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latinLetters++;
                if (!inWord) latinWords++;
                inWord = true;
            }
            else
            {
                if (char.IsLetter(ch)) others++;
                inWord = ch is >= '0' and <= '9' && inWord;
            }
        }
        if (han.Length == 0)
        {
            if (latinLetters >= 2 && latinLetters >= others) return new(NluLanguages.English, NluLanguages.English);
            return FromHint(localeHint, NluLanguages.Unknown);
        }
        var script = ChineseScript(han.ToString(), localeHint);
        // Two English words beside Chinese count as mixed (我想查 policy status); one is usually a name or a code.
        var code = latinWords >= 2 && latinLetters >= 4 ? NluLanguages.Mixed : script;
        return new(code, script);
    }

    /// <summary>Traditional if more characters change when converted to Simplified than the other way round.</summary>
    public static string ChineseScript(string hanText, string? localeHint = null)
    {
        var simplified = ScriptConverter.ToSimplified(hanText);
        var traditional = ScriptConverter.ToTraditional(hanText);
        int traditionalOnly = 0, simplifiedOnly = 0;
        for (var i = 0; i < hanText.Length; i++)
        {
            if (i < simplified.Length && simplified[i] != hanText[i]) traditionalOnly++;
            if (i < traditional.Length && traditional[i] != hanText[i]) simplifiedOnly++;
        }
        if (traditionalOnly > simplifiedOnly) return NluLanguages.TraditionalChinese;
        if (simplifiedOnly > traditionalOnly) return NluLanguages.SimplifiedChinese;
        return IsTraditionalLocale(localeHint) ? NluLanguages.TraditionalChinese : NluLanguages.SimplifiedChinese;
    }

    private static DetectedLanguage FromHint(string? localeHint, string code)
    {
        if (localeHint?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true)
            return new(code, IsTraditionalLocale(localeHint) ? NluLanguages.TraditionalChinese : NluLanguages.SimplifiedChinese);
        return new(code, NluLanguages.English);
    }

    private static bool IsTraditionalLocale(string? locale) =>
        locale is not null && (locale.Contains("Hant", StringComparison.OrdinalIgnoreCase) ||
            locale.EndsWith("-TW", StringComparison.OrdinalIgnoreCase) ||
            locale.EndsWith("-HK", StringComparison.OrdinalIgnoreCase) ||
            locale.EndsWith("-MO", StringComparison.OrdinalIgnoreCase));
}
