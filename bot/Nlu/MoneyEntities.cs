using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatService.Nlu;

/// <summary>
/// Money: ¥3,000, $3,000, HK$500, NT$1,200, 3千元, 三千块, 1.5万, 5k, 300 dollars. The value is a plain decimal;
/// the unit is the ISO currency when the text names it (¥/RMB/人民币 → CNY, HK$/港币 → HKD, NT$/台币 → TWD,
/// US$/USD/美元 → USD) and null for bare $, 元 or 块, which differ by region.
/// </summary>
internal static partial class MoneyEntities
{
    public static IEnumerable<NluEntity> Find(string text)
    {
        foreach (Match m in SymbolFirstRegex().Matches(text))
            if (Amount(m) is { } amount) yield return Entity(m, amount, Currency(m.Groups["c"].Value));
        foreach (Match m in AmountFirstRegex().Matches(text))
            if (Amount(m) is { } amount) yield return Entity(m, amount, Currency(m.Groups["c"].Value));
        foreach (Match m in MultiplierOnlyRegex().Matches(text))
            if (Amount(m) is { } amount) yield return Entity(m, amount, null);
    }

    private static decimal? Amount(Match m)
    {
        var number = ChineseNumerals.Parse(m.Groups["n"].Value + m.Groups["x"].Value.Replace("k", "千").Replace("K", "千"));
        return number is > 0 ? number : null;
    }

    private static string? Currency(string marker) => marker.ToLowerInvariant() switch
    {
        "¥" or "rmb" or "cny" or "人民币" or "人民幣" or "yuan" => "CNY",
        "hk$" or "hkd" or "港币" or "港幣" or "港元" or "港纸" or "蚊" => "HKD",
        "nt$" or "ntd" or "twd" or "台币" or "台幣" or "新台币" or "新台幣" => "TWD",
        "us$" or "usd" or "美元" or "美金" => "USD",
        _ => null,
    };

    private static NluEntity Entity(Match m, decimal amount, string? currency) =>
        new(EntityTypes.Money, m.Value, amount.ToString("0.##", CultureInfo.InvariantCulture), m.Index, m.Length, currency);

    private const string Number = @"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
    private const string ChineseNumber = @"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零一二两兩三四五六七八九十百千万萬亿億]+)";
    private const string Multiplier = @"(?<x>百万|百萬|千万|千萬|万|萬|千|百|亿|億|k|K)?";

    [GeneratedRegex(@"(?<c>HK\$|NT\$|US\$|¥|\$|RMB|CNY|HKD|NTD|TWD|USD)\s?" + Number + @"\s?" + Multiplier + @"(?![\dA-Za-z])", RegexOptions.IgnoreCase, 200)]
    private static partial Regex SymbolFirstRegex();

    [GeneratedRegex(ChineseNumber + @"\s?" + Multiplier + @"\s?(?<c>元|块|塊|圆|圓|蚊|人民币|人民幣|港币|港幣|港元|港纸|台币|台幣|新台币|新台幣|美元|美金|(?:dollars?|bucks|yuan|rmb|hkd|usd|twd|ntd)\b)", RegexOptions.IgnoreCase, 200)]
    private static partial Regex AmountFirstRegex();

    [GeneratedRegex(@"(?<![\d.$¥])(?<n>\d+(?:\.\d+)?)\s?(?<x>万|萬|千|k|K)(?![\dA-Za-z元块塊])", RegexOptions.None, 200)]
    private static partial Regex MultiplierOnlyRegex();
}
