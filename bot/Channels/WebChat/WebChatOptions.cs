namespace ChatService.Channels.WebChat;

/// <summary>The <c>WebChat</c> section: the customer chat page at <c>/</c>.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Tokens one client address may request per minute from <c>/api/webchat/token</c> (a page needs one per conversation).</summary>
    public int TokenRequestsPerMinute { get; set; } = 20;
}
