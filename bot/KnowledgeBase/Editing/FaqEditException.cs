namespace ChatService.KnowledgeBase.Editing;

/// <summary>An editor's request that cannot be done as asked: the HTTP status, a clear reason, and the details.</summary>
public sealed class FaqEditException(int statusCode, string reason, IReadOnlyList<string>? problems = null) : Exception(reason)
{
    public int StatusCode { get; } = statusCode;
    public IReadOnlyList<string> Problems { get; } = problems ?? [];

    public static FaqEditException NotFound(string id) => new(StatusCodes.Status404NotFound, $"There is no entry '{id}'.");

    public static FaqEditException WrongStatus(string id, string status, string action, string needed) =>
        new(StatusCodes.Status409Conflict, $"Cannot {action} '{id}': it is {status}; it must be {needed}.");
}
