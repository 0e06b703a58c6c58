using System.Globalization;

namespace ChatService.Nlu;

/// <summary>Parses numbers written with Chinese numerals or digits plus Chinese multipliers (三千五, 1.5万, 十一, 两百).</summary>
public static class ChineseNumerals
{
    public const string Characters = "零〇一二两兩三四五六七八九十百千万萬亿億";

    public static decimal? Parse(string text)
    {
        text = text.Replace(",", "").Trim();
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var plain)) return plain;
        decimal total = 0, section = 0, number = 0;
        var lastUnit = 0m;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiDigit(ch) || ch == '.')
            {
                var end = i;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
                if (!decimal.TryParse(text[i..end], NumberStyles.Number, CultureInfo.InvariantCulture, out number)) return null;
                i = end - 1;
                lastUnit = 0;
                continue;
            }
            var digit = Digit(ch);
            if (digit >= 0) { number = digit; lastUnit = lastUnit == 0 ? 0 : lastUnit; continue; }
            var unit = SmallUnit(ch);
            if (unit > 0)
            {
                section += (number == 0 && unit == 10 ? 1 : number) * unit;
                number = 0;
                lastUnit = unit;
                continue;
            }
            var big = BigUnit(ch);
            if (big == 0) return null;
            total += (section + number) * big;
            section = number = 0;
            lastUnit = big;
        }
        // 三千五 means 3,500: a trailing digit after a unit counts in the next lower unit.
        if (number > 0 && lastUnit >= 100 && number < 10) number *= lastUnit / 10;
        return total + section + number;
    }

    public static int Digit(char ch) => ch switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' or '兩' => 2, '三' => 3, '四' => 4,
        '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    private static decimal SmallUnit(char ch) => ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };

    private static decimal BigUnit(char ch) => ch switch
    {
        '万' or '萬' => 10_000, '亿' or '億' => 100_000_000, _ => 0,
    };
}
