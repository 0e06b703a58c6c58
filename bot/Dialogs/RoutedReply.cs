using ChatService.Channels.Protocol;

namespace ChatService.Dialogs;

/// <summary>The reply the router chose and why; <paramref name="Understood"/> false counts towards offering a person.</summary>
public sealed record RoutedReply(Activity Reply, TurnDiagnostics Diagnostics)
{
    public bool Understood { get; init; } = !Routes.IsMisunderstanding(Diagnostics.Route);
}
