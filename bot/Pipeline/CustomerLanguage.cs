using ChatService.Channels.Protocol;

namespace ChatService.Pipeline;

/// <summary>A cheap guess of whether to answer in Chinese, for messages sent before the NLU has spoken.</summary>
public static class CustomerLanguage
{
    public static bool IsChinese(Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Text))
        {
            foreach (var ch in activity.Text)
                if (ch is >= '\u4e00' and <= '\u9fff') return true;
            return false;
        }
        return activity.Locale?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
    }
}
