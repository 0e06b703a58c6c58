using ChatService.Channels.Protocol;

namespace ChatService.Dialogs;

/// <summary>The reply the router chose and why.</summary>
public sealed record RoutedReply(Activity Reply, TurnDiagnostics Diagnostics)
{
    /// <summary>True resets the count of misunderstandings, false adds one, null (e.g. files without words) leaves it.</summary>
    public bool? Understood { get; init; } = !Routes.IsMisunderstanding(Diagnostics.Route);
}
