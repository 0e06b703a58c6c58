using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatService.Nlu;

/// <summary>Times of day: 下午3点, 下午三點半, 15:30, 3:30pm, 3 pm, noon; the value is HH:mm (24-hour).</summary>
internal static partial class TimeEntities
{
    public static IEnumerable<NluEntity> Find(string text)
    {
        foreach (Match m in ChineseTimeRegex().Matches(text))
        {
            var hour = (int?)ChineseNumerals.Parse(m.Groups["h"].Value) ?? -1;
            var minuteText = m.Groups["mi"].Value;
            var minute = minuteText switch
            {
                "" => 0, "半" => 30, "一刻" => 15, "三刻" => 45, _ => (int?)ChineseNumerals.Parse(minuteText) ?? -1,
            };
            hour = m.Groups["p"].Value switch
            {
                "下午" or "晚上" or "傍晚" or "今晚" or "晚" when hour is >= 1 and < 12 => hour + 12,
                "中午" when hour is >= 1 and < 6 => hour + 12,
                "凌晨" or "上午" or "早上" when hour == 12 => 0,
                _ => hour,
            };
            if (Valid(hour, minute)) yield return Entity(m, hour, minute);
        }
        foreach (Match m in EnglishTimeRegex().Matches(text))
        {
            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = m.Groups["ap"].Value.ToLowerInvariant();
            if (!m.Groups["mi"].Success && meridiem.Length == 0) continue; // a bare number is not a time
            if (meridiem.StartsWith('p') && hour is >= 1 and < 12) hour += 12;
            if (meridiem.StartsWith('a') && hour == 12) hour = 0;
            if (meridiem.Length > 0 && hour > 23) continue;
            if (Valid(hour, minute)) yield return Entity(m, hour, minute);
        }
        foreach (Match m in NoonRegex().Matches(text))
            yield return Entity(m, m.Value.ToLowerInvariant().Contains("midnight") ? 0 : 12, 0);
    }

    private static bool Valid(int hour, int minute) => hour is >= 0 and <= 24 && minute is >= 0 and < 60;

    private static NluEntity Entity(Match m, int hour, int minute) =>
        new(EntityTypes.Time, m.Value, $"{hour % 24:00}:{minute:00}", m.Index, m.Length);

    [GeneratedRegex(@"(?<p>上午|下午|晚上|早上|中午|凌晨|傍晚|今晚|早|晚)?\s?(?<h>\d{1,2}|十[一二]?|[一二两兩三四五六七八九十])\s?[点點时時](?:\s?(?<mi>半|一刻|三刻|\d{1,2}|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])\s?分?)?", RegexOptions.None, 200)]
    private static partial Regex ChineseTimeRegex();

    [GeneratedRegex(@"(?<![\d:])(?<h>[01]?\d|2[0-3])(?::(?<mi>[0-5]\d))?\s?(?<ap>a\.?m\.?|p\.?m\.?)?(?![\d:])(?!\.\d)", RegexOptions.IgnoreCase, 200)]
    private static partial Regex EnglishTimeRegex();

    [GeneratedRegex(@"\b(?:at\s+)?(?:noon|midday|midnight)\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex NoonRegex();
}
