using ChatService.Channels.BotFramework.Authentication;
using ChatService.Channels.BotFramework.Connector;
using ChatService.Channels.Protocol;
using ChatService.Operations;
using ChatService.Pipeline;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, run the turn, answer. Replies go to the Connector during the
/// turn (200 with no body once the turn is done), or come back in the response for expectReplies (200
/// <c>{"activities":[…]}</c>) and invoke (the bot's status and body; 501 when no handler answered).
/// </summary>
public sealed partial class MessagesEndpoint(
    IOptions<BotFrameworkOptions> options,
    BotFrameworkAuthenticator authenticator,
    TrustedServiceUrls trustedServiceUrls,
    ConnectorSenders connectorSenders,
    TurnRunner turnRunner,
    ILogger<MessagesEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (settings.AuthenticationEnabled && authorization.Length == 0)
        {
            await UnauthorizedAsync(context, "No Authorization header.");
            return;
        }

        var read = await ActivityReader.ReadAsync(context, settings.MaxRequestBodyBytes);
        if (read.Activity is not { } activity)
        {
            await ErrorResponses.WriteAsync(context.Response, read.Status, read.Code, read.Message);
            return;
        }

        AuthenticationResult auth;
        try
        {
            auth = await authenticator.AuthenticateAsync(authorization, activity, context.RequestAborted);
        }
        catch (SigningKeysUnavailableException ex)
        {
            LogKeysUnavailable(ex);
            await UnavailableAsync(context);
            return;
        }
        if (!auth.Succeeded)
        {
            await UnauthorizedAsync(context, auth.Failure!);
            return;
        }

        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        if (Validate(activity, expectReplies) is { } problem)
        {
            await ErrorResponses.WriteAsync(context.Response, StatusCodes.Status400BadRequest, ErrorResponses.MissingProperty, problem);
            return;
        }

        CallerId.Set(activity, auth.CallerId);
        try
        {
            if (auth.Authenticated && activity.ServiceUrl is { } serviceUrl)
                await trustedServiceUrls.TrustAsync(serviceUrl, context.RequestAborted);
            var buffer = expectReplies ? new ExpectRepliesSender() : null;
            IChannelSender sender = buffer ?? connectorSenders.ForTurn(activity.ServiceUrl!);
            // Not the request's token: a channel that stops waiting must not cut a turn (and its replies) in half.
            var turnContext = await turnRunner.ProcessAsync(activity, sender, CancellationToken.None);
            await TurnResponses.WriteAsync(context.Response, turnContext, buffer);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or ShuttingDownException or TimeoutException)
        {
            LogUnavailable(ex.GetType().Name, activity.Conversation?.Id);
            await UnavailableAsync(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(ex, activity.Conversation?.Id);
            await ErrorResponses.WriteAsync(context.Response, StatusCodes.Status500InternalServerError, ErrorResponses.ServiceError,
                "The activity could not be processed.");
        }
    }

    private static string? Validate(Activity activity, bool expectReplies)
    {
        if (string.IsNullOrEmpty(activity.Conversation?.Id)) return "The activity has no conversation.id.";
        if (activity.ServiceUrl is null)
            return expectReplies ? null : "The activity has no serviceUrl to send replies to.";
        return ConnectorSenders.IsHttpUrl(activity.ServiceUrl) ? null : "The activity's serviceUrl is not an absolute http(s) URL.";
    }

    private static Task UnavailableAsync(HttpContext context) =>
        ErrorResponse.UnavailableAsync(context, "The service cannot take this activity right now; please retry.");

    private Task UnauthorizedAsync(HttpContext context, string reason)
    {
        LogUnauthorized(reason);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorResponses.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, ErrorResponses.Unauthorized,
            "The request is not authenticated for this bot.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an /api/messages request: {Reason}")]
    private partial void LogUnauthorized(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 ({Cause}) for conversation {ConversationId}")]
    private partial void LogUnavailable(string cause, string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answered 503: the token signing keys cannot be fetched")]
    private partial void LogKeysUnavailable(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not process an activity in conversation {ConversationId}")]
    private partial void LogFailed(Exception ex, string? conversationId);
}
