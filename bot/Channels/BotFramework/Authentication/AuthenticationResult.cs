namespace ChatService.Channels.BotFramework.Authentication;

/// <summary>
/// The outcome of checking an inbound request. <see cref="Authenticated"/> is true only when a token was
/// validated (then the activity's serviceUrl is trusted); anonymous local-development requests succeed
/// without it.
/// </summary>
public sealed record AuthenticationResult(bool Succeeded, bool Authenticated, string? CallerId, string? Failure)
{
    public static AuthenticationResult Anonymous { get; } = new(true, false, null, null);

    public static AuthenticationResult Validated(string callerId) => new(true, true, callerId, null);

    public static AuthenticationResult Fail(string reason) => new(false, false, null, reason);
}

/// <summary>Values of the protocol's internal <c>callerId</c> field.</summary>
public static class CallerIds
{
    public const string PublicAzureChannel = "urn:botframework:azure";
}
