namespace ChatService.Channels.Protocol;

/// <summary>The activity <c>type</c> values of the protocol.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string DeleteUserData = "deleteUserData";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string Suggestion = "suggestion";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Command = "command";
    public const string CommandResult = "commandResult";

    /// <summary>Internal pseudo-type carrying an invoke's response; never sent on the wire.</summary>
    public const string InvokeResponse = "invokeResponse";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Message, ContactRelationUpdate, ConversationUpdate, Typing, EndOfConversation, Event, Invoke,
        DeleteUserData, MessageUpdate, MessageDelete, InstallationUpdate, MessageReaction, Suggestion,
        Trace, Handoff, Command, CommandResult,
    };

    /// <summary>True for the wire types the protocol defines (ordinal: <c>Message</c> is not <c>message</c>).</summary>
    public static bool IsKnown(string? type) => type is not null && Known.Contains(type);
}

/// <summary><c>inputHint</c> wire values (the <c>…Input</c> forms the Connector and SDKs use).</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}

/// <summary><c>deliveryMode</c> values.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}

/// <summary><c>role</c> values of a channel account.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

/// <summary>CardAction <c>type</c> values.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}
