using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatService.Nlu;

/// <summary>
/// Absolute and relative dates in Chinese and English, resolved against a reference date (yyyy-MM-dd). Weeks start
/// on Monday: 上週三 and "last Wednesday" are the Wednesday of the previous week; a bare weekday (週三, "on
/// Wednesday") is the latest one on or before the reference. A date without a year takes the reference's year,
/// or the year before when that would put it more than 60 days in the future.
/// </summary>
internal static partial class DateEntities
{
    private const string Weekday = "[一二三四五六日天1-7]";

    public static IEnumerable<NluEntity> Find(string text, DateOnly today)
    {
        foreach (Match m in IsoRegex().Matches(text))
            if (Date(Int(m, "y"), Int(m, "m"), Int(m, "d")) is { } date) yield return Entity(m, date);
        foreach (Match m in ChineseDateRegex().Matches(text))
        {
            var month = (int?)ChineseNumerals.Parse(m.Groups["m"].Value) ?? 0;
            var day = (int?)ChineseNumerals.Parse(m.Groups["d"].Value) ?? 0;
            var date = m.Groups["y"].Success ? Date(Int(m, "y"), month, day) : WithoutYear(today, month, day);
            if (date is { } found) yield return Entity(m, found);
        }
        foreach (Match m in ChineseRelativeDayRegex().Matches(text))
            yield return Entity(m, today.AddDays(ChineseDayOffset(m.Value)));
        foreach (Match m in ChineseDaysAgoRegex().Matches(text))
            if (ChineseNumerals.Parse(m.Groups["n"].Value) is { } n && n < 3660)
                yield return Entity(m, today.AddDays(-(int)n));
        foreach (Match m in ChineseWeekdayRegex().Matches(text))
        {
            var weekday = ChineseWeekday(m.Groups["w"].Value[0]);
            yield return Entity(m, WeekdayDate(today, weekday, m.Groups["r"].Value switch
            {
                "上" => -1, "下" => 1, "本" or "这" or "這" or "今" => 0, _ => (int?)null,
            }));
        }
        foreach (var entity in EnglishDates.Find(text, today)) yield return entity;
    }

    internal static NluEntity Entity(Match m, DateOnly date) =>
        new(EntityTypes.Date, m.Value, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Index, m.Length);

    internal static DateOnly? Date(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    internal static DateOnly? WithoutYear(DateOnly today, int month, int day)
    {
        if (Date(today.Year, month, day) is not { } date) return Date(today.Year - 1, month, day);
        return date.DayNumber - today.DayNumber > 60 ? Date(today.Year - 1, month, day) : date;
    }

    /// <summary>The <paramref name="weekday"/> of the week <paramref name="weekOffset"/> weeks away, or the latest one on or before today when null.</summary>
    internal static DateOnly WeekdayDate(DateOnly today, DayOfWeek weekday, int? weekOffset)
    {
        static int MondayBased(DayOfWeek d) => ((int)d + 6) % 7;
        if (weekOffset is not { } offset)
            return today.AddDays(-((MondayBased(today.DayOfWeek) - MondayBased(weekday) + 7) % 7));
        var monday = today.AddDays(-MondayBased(today.DayOfWeek));
        return monday.AddDays(7 * offset + MondayBased(weekday));
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int ChineseDayOffset(string word) => word switch
    {
        "今天" or "今日" => 0, "明天" or "明日" => 1, "后天" or "後天" => 2,
        "昨天" or "昨日" => -1, "前天" => -2, _ => -3, // 大前天
    };

    private static DayOfWeek ChineseWeekday(char ch) => ch switch
    {
        '一' or '1' => DayOfWeek.Monday, '二' or '2' => DayOfWeek.Tuesday, '三' or '3' => DayOfWeek.Wednesday,
        '四' or '4' => DayOfWeek.Thursday, '五' or '5' => DayOfWeek.Friday, '六' or '6' => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.None, 200)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"(?:(?<y>\d{4})\s?年\s?)?(?<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s?月\s?(?<d>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s?[日号號]", RegexOptions.None, 200)]
    private static partial Regex ChineseDateRegex();

    [GeneratedRegex(@"大前天|前天|昨天|昨日|今天|今日|明天|明日|后天|後天", RegexOptions.None, 200)]
    private static partial Regex ChineseRelativeDayRegex();

    [GeneratedRegex(@"(?<n>\d{1,3}|[一二两兩三四五六七八九十]{1,3})\s?天(?:以前|之前|前)", RegexOptions.None, 200)]
    private static partial Regex ChineseDaysAgoRegex();

    [GeneratedRegex(@"(?<r>上|下|本|这|這|今)?(?:个|個)?(?:周|週|星期|礼拜|禮拜)(?<w>" + Weekday + ")", RegexOptions.None, 200)]
    private static partial Regex ChineseWeekdayRegex();
}
