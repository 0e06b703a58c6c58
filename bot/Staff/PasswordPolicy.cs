namespace ChatService.Staff;

/// <summary>What a staff password must be: long enough, not absurdly long (hashing cost), not blank.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    /// <summary>Null when the password is acceptable, else the reason.</summary>
    public static string? Check(string? password, int minLength)
    {
        minLength = Math.Max(MinimumLength, minLength);
        if (string.IsNullOrWhiteSpace(password)) return "A password is required.";
        if (password.Length < minLength) return $"The password must have at least {minLength} characters.";
        if (password.Length > MaximumLength) return $"The password must have at most {MaximumLength} characters.";
        return null;
    }
}
