namespace ChatService.Dialogs;

/// <summary>
/// The <c>Company</c> section: company-specific facts the bot and the knowledge base quote. The shipped values
/// are fictional demo values; an operator replaces them.
/// </summary>
public sealed class CompanyOptions
{
    public const string Section = "Company";

    public string NameZh { get; set; } = "安心保险（演示）";
    public string NameEn { get; set; } = "AnXin Insurance (demo)";
    public string BotNameZh { get; set; } = "小安";
    public string BotNameEn { get; set; } = "Ann";
    public string Hotline { get; set; } = "400-000-0000";
    public string ServiceHoursZh { get; set; } = "每天 8:00–22:00";
    public string ServiceHoursEn { get; set; } = "8:00–22:00 every day";
}
