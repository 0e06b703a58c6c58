using ChatService.Channels.Protocol;

namespace ChatService.Dialogs;

/// <summary>The reply the router chose and why.</summary>
public sealed record RoutedReply(Activity Reply, TurnDiagnostics Diagnostics);
