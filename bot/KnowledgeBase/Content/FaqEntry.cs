namespace ChatService.KnowledgeBase.Content;

/// <summary>The customer-facing text of an entry in one language.</summary>
public sealed record FaqContent(string Question, IReadOnlyList<string> Alternates, string Answer);

/// <summary>Who changed an entry last, and when.</summary>
public sealed record FaqChange(string By, DateTimeOffset At);

/// <summary>One FAQ entry: a question customers ask, its phrasings and its answer, in each language.</summary>
public sealed record FaqEntry
{
    public required string Id { get; init; }
    public required string Category { get; init; }
    public string Status { get; init; } = FaqStatuses.Draft;
    public string Owner { get; init; } = "";
    public int Version { get; init; } = 1;
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public FaqChange? LastChange { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>Content by language: zh-Hans and en always; zh-Hant only where Hong Kong/Taiwan wording differs.</summary>
    public required IReadOnlyDictionary<string, FaqContent> Content { get; init; }

    /// <summary>Published and within its effective dates on <paramref name="today"/>.</summary>
    public bool IsLive(DateOnly today) =>
        Status == FaqStatuses.Published
        && (EffectiveFrom is null || EffectiveFrom <= today)
        && (EffectiveTo is null || today <= EffectiveTo);
}

/// <summary>The life cycle of an entry: draft → review → approved → published (→ retired).</summary>
public static class FaqStatuses
{
    public const string Draft = "draft";
    public const string Review = "review";
    public const string Approved = "approved";
    public const string Published = "published";
    public const string Retired = "retired";

    public static readonly string[] All = [Draft, Review, Approved, Published, Retired];
}

/// <summary>The categories of the knowledge base.</summary>
public static class FaqCategories
{
    public static readonly string[] All =
    [
        "claims", "product", "application", "policy_service", "renewal_payment",
        "complaint_process", "member_benefits", "value_added", "privacy", "channels",
    ];
}

/// <summary>Language keys of <see cref="FaqEntry.Content"/>.</summary>
public static class FaqLanguages
{
    public const string Simplified = "zh-Hans";
    public const string Traditional = "zh-Hant";
    public const string English = "en";
}
