using ChatService.Channels.Protocol;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// <c>POST conversations/{id}/upload?userId=</c> (multipart: an optional <c>activity</c> part and file parts, or one raw
/// file) and <c>GET conversations/{id}/files/{fileId}</c>, which serves a file only to that conversation's token holders.
/// </summary>
public static class UploadEndpoints
{
    public static async Task<IResult> Upload(HttpContext httpContext, string conversationId, string? userId, DirectLineAuth auth,
        DirectLineConversationStore store, UploadReader reader, DirectLineIntake intake, IOptions<DirectLineOptions> options)
    {
        var error = auth.Authorize(httpContext.Request, conversationId, out var caller);
        if (error is not null) return error;
        if (caller.IsSecret && string.IsNullOrEmpty(userId)) return DirectLineError.Bad("The userId query parameter is required.");
        var conversation = await store.FindAsync(conversationId, httpContext.RequestAborted);
        if (conversation is null) return DirectLineError.UnknownConversation();
        var upload = options.Value.Upload;
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = upload.MaxFiles * upload.MaxFileBytes + options.Value.MaxActivityBytes + 64 * 1024;

        var (activity, files, failure) = await reader.ReadAsync(httpContext, conversationId, conversation.UserId, httpContext.RequestAborted);
        if (failure is not null) return failure;
        activity!.Type = ActivityTypes.Message;
        if (caller.IsSecret) activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name };
        activity.Attachments = files;
        var id = await intake.PostAsync(httpContext.Request, conversation, caller, activity, CancellationToken.None);
        return Results.Json(new ResourceResponse(id));
    }

    public static async Task<IResult> Download(HttpContext httpContext, string conversationId, string fileId, string? t,
        DirectLineAuth auth, IUploadStore files)
    {
        var error = t is null
            ? auth.Authorize(httpContext.Request, conversationId, out _)
            : auth.CheckToken(t, TokenScopes.File, out var caller)
              ?? (caller.CanAccess(conversationId) && caller.Token!.FileId == fileId ? null : DirectLineError.Forbidden("The link is not valid for this file."));
        if (error is not null) return error;
        var found = await files.FindAsync(conversationId, fileId, httpContext.RequestAborted);
        if (found is not { } stored) return DirectLineError.Result(StatusCodes.Status404NotFound, DirectLineError.NotFound, "File not found.");
        var headers = httpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox"; // an uploaded file never runs script in our origin
        headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(stored.File.ContentType.StartsWith("image/", StringComparison.Ordinal) ? "inline" : "attachment");
        disposition.SetHttpFileName(stored.File.Name);
        headers.ContentDisposition = disposition.ToString();
        return Results.Stream(stored.Content, stored.File.ContentType);
    }
}
