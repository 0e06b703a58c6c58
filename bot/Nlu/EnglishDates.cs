using System.Text.RegularExpressions;

namespace ChatService.Nlu;

/// <summary>English dates: today/yesterday/tomorrow, N days ago, last/this/next Monday, 2 Nov, Nov 2nd, 2 November 2026.</summary>
internal static partial class EnglishDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static IEnumerable<NluEntity> Find(string text, DateOnly today)
    {
        foreach (Match m in RelativeDayRegex().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            var offset = word.Contains("before") ? -2 : word.Contains("after") ? 2 : word.StartsWith("yesterday") ? -1 : word.StartsWith("tomorrow") ? 1 : 0;
            yield return DateEntities.Entity(m, today.AddDays(offset));
        }
        foreach (Match m in DaysAgoRegex().Matches(text))
            yield return DateEntities.Entity(m, today.AddDays(-int.Parse(m.Groups["n"].Value)));
        foreach (Match m in WeekdayRegex().Matches(text))
        {
            var weekday = (DayOfWeek)Array.IndexOf(Weekdays, m.Groups["w"].Value[..3].ToLowerInvariant());
            int? offset = m.Groups["r"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, "this" => 0, _ => null };
            yield return DateEntities.Entity(m, DateEntities.WeekdayDate(today, weekday, offset));
        }
        foreach (Match m in DayMonthRegex().Matches(text))
            if (Resolve(today, m) is { } date) yield return DateEntities.Entity(m, date);
        foreach (Match m in MonthDayRegex().Matches(text))
            if (Resolve(today, m) is { } date) yield return DateEntities.Entity(m, date);
    }

    private static DateOnly? Resolve(DateOnly today, Match m)
    {
        var month = Array.IndexOf(Months, m.Groups["m"].Value[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(m.Groups["d"].Value);
        return m.Groups["y"].Success ? DateEntities.Date(int.Parse(m.Groups["y"].Value), month, day)
            : DateEntities.WithoutYear(today, month, day);
    }

    private const string Month = @"(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)\b|\b(?:today|yesterday|tomorrow)\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex RelativeDayRegex();

    [GeneratedRegex(@"\b(?<n>\d{1,3})\s+days?\s+ago\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex DaysAgoRegex();

    [GeneratedRegex(@"\b(?:(?<r>last|this|next)\s+)?(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex MonthDayRegex();
}
