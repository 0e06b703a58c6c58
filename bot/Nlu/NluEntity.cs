namespace ChatService.Nlu;

/// <summary>Entity type names (part of the contract with the flows).</summary>
public static class EntityTypes
{
    public const string PolicyNumber = "policy_number";
    public const string ClaimNumber = "claim_number";
    public const string Phone = "phone";
    public const string IdNumber = "id_number";
    public const string Email = "email";
    public const string Date = "date";
    public const string Time = "time";
    public const string Money = "money";
}

/// <summary>
/// An entity found in the text. <see cref="Value"/> is normalized: identifiers upper-case without separators,
/// phones as +86/+852/+886 digits, dates yyyy-MM-dd, times HH:mm, money a plain decimal with <see cref="Unit"/>
/// the ISO currency when the text says it (CNY, HKD, TWD, USD).
/// </summary>
public sealed record NluEntity(string Type, string Text, string Value, int Start, int Length, string? Unit = null);
