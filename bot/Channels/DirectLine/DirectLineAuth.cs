namespace ChatService.Channels.DirectLine;

/// <summary>Who is calling: the holder of the secret (any conversation) or of a token (its one conversation and user).</summary>
public sealed record DirectLineCaller(bool IsSecret, DirectLineToken? Token)
{
    public bool CanAccess(string conversationId) =>
        IsSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);
}

/// <summary>Checks the <c>Authorization: Bearer</c> header of a Direct Line request.</summary>
public sealed class DirectLineAuth(DirectLineTokenService tokens)
{
    /// <summary>The caller, or the error to answer: 401 without credentials, 403 for forged or expired ones.</summary>
    public IResult? Authenticate(HttpRequest request, out DirectLineCaller caller)
    {
        caller = new DirectLineCaller(false, null);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return DirectLineError.Missing("Missing Authorization: Bearer <secret or token>.");
        var credential = header["Bearer ".Length..].Trim();
        if (tokens.IsSecret(credential))
        {
            caller = new DirectLineCaller(true, null);
            return null;
        }
        return CheckToken(credential, TokenScopes.Conversation, out caller);
    }

    /// <summary>As <see cref="Authenticate"/>, and the caller must hold this conversation.</summary>
    public IResult? Authorize(HttpRequest request, string conversationId, out DirectLineCaller caller)
    {
        var error = Authenticate(request, out caller);
        if (error is not null) return error;
        return caller.CanAccess(conversationId) ? null : DirectLineError.Forbidden("The token is not valid for this conversation.");
    }

    /// <summary>Checks a token presented outside the header (stream URLs, file links) for one scope.</summary>
    public IResult? CheckToken(string? token, string scope, out DirectLineCaller caller)
    {
        caller = new DirectLineCaller(false, null);
        switch (tokens.Check(token, out var claims))
        {
            case TokenCheck.Expired:
                return DirectLineError.Expired();
            case TokenCheck.Valid when claims!.Scope == scope:
                caller = new DirectLineCaller(false, claims);
                return null;
            default:
                return DirectLineError.Forbidden("The token is not valid.");
        }
    }
}
