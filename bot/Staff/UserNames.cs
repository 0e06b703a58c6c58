namespace ChatService.Staff;

/// <summary>Staff user names: 1–64 letters, digits and <c>. _ - @</c>.</summary>
public static class UserNames
{
    public const int MaxLength = 64;

    public static bool IsValid(string? userName) =>
        !string.IsNullOrEmpty(userName) && userName.Length <= MaxLength
        && userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
}
