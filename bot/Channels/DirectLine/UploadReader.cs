using System.Text.Json;
using ChatService.Channels.Protocol;
using ChatService.State;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Reads an upload as DirectLineJS sends it (multipart: part <c>activity</c> of type application/vnd.microsoft.activity
/// and one part per file) or as one raw file; enforces the size, count and content-type limits while streaming, and
/// leaves nothing on disk when it refuses.
/// </summary>
public sealed class UploadReader(IUploadStore store, DirectLineUrls urls, IOptions<DirectLineOptions> options, IOptions<StateOptions> stateOptions)
{
    private const string ActivityContentType = "application/vnd.microsoft.activity";

    public async Task<(Activity? Activity, List<Attachment> Attachments, IResult? Failure)> ReadAsync(
        HttpContext httpContext, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        var saved = new List<UploadedFile>();
        Activity? activity = null;
        IResult? failure;
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
                if (string.IsNullOrEmpty(boundary)) return (null, [], DirectLineError.Bad("The multipart boundary is missing."));
                var reader = new MultipartReader(boundary, request.Body);
                failure = null;
                for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null && failure is null; section = await reader.ReadNextSectionAsync(cancellationToken))
                {
                    ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                    var fileName = disposition?.FileNameStar.Value ?? disposition?.FileName.Value;
                    if (section.ContentType?.StartsWith(ActivityContentType, StringComparison.OrdinalIgnoreCase) == true
                        || (disposition?.Name.Value == "activity" && fileName is null))
                        (activity, failure) = await ReadActivityAsync(section.Body, cancellationToken);
                    else
                        failure = await SaveFileAsync(conversationId, section.Body, section.ContentType, fileName, saved, cancellationToken);
                }
            }
            else
            {
                ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition);
                failure = await SaveFileAsync(conversationId, request.Body, request.ContentType,
                    disposition?.FileNameStar.Value ?? disposition?.FileName.Value, saved, cancellationToken);
            }
            if (failure is null && saved.Count == 0) failure = DirectLineError.Bad("The upload contains no file.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            failure = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? DirectLineError.TooBig("The upload is too large.")
                : DirectLineError.Bad("The upload is not a valid multipart body.");
        }
        if (failure is not null) return (null, [], await DiscardAsync(conversationId, saved, failure));
        var lifetime = stateOptions.Value.ConversationTimeToLive;
        var attachments = saved.Select(f => new Attachment
        {
            ContentType = f.ContentType,
            Name = f.Name,
            ContentUrl = urls.FileUrl(request, conversationId, userId, f.FileId, lifetime),
        }).ToList();
        return (activity ?? new Activity { Type = ActivityTypes.Message }, attachments, null);
    }

    private async Task<(Activity?, IResult?)> ReadActivityAsync(Stream body, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxActivityBytes;
        var bytes = await RequestBody.ReadAsync(body, max, cancellationToken);
        if (bytes is null) return (null, DirectLineError.TooBig($"The activity is larger than {max} bytes."));
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(bytes, ProtocolJson.Options);
            if (activity is null) return (null, DirectLineError.Bad("The activity part is empty."));
            if (activity.Type is not (null or ActivityTypes.Message)) return (null, DirectLineError.Bad("Files can only be attached to a message."));
            return (activity, null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return (null, DirectLineError.Bad("The activity part is not valid JSON."));
        }
    }

    private async Task<IResult?> SaveFileAsync(string conversationId, Stream body, string? contentType, string? fileName,
        List<UploadedFile> saved, CancellationToken cancellationToken)
    {
        var upload = options.Value.Upload;
        if (saved.Count >= upload.MaxFiles) return DirectLineError.Bad($"At most {upload.MaxFiles} files can be uploaded at once.");
        var type = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value!.ToLowerInvariant() : "";
        if (!upload.EffectiveContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            return DirectLineError.Result(StatusCodes.Status415UnsupportedMediaType, DirectLineError.BadArgument, $"Files of type '{type}' are not accepted.");
        var name = Path.GetFileName((fileName ?? "").Trim('"', ' '));
        if (name.Length is 0 or > 200) name = "file";
        var file = await store.SaveAsync(conversationId, body, type, name, upload.MaxFileBytes, cancellationToken);
        if (file is null) return DirectLineError.TooBig($"A file is larger than {upload.MaxFileBytes} bytes.");
        saved.Add(file);
        return null;
    }

    private async Task<IResult> DiscardAsync(string conversationId, List<UploadedFile> saved, IResult failure)
    {
        foreach (var file in saved) await store.DeleteAsync(conversationId, file);
        return failure;
    }
}
