namespace ChatService.Pipeline;

/// <summary>The <c>Pipeline</c> section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>A message turn that has not finished after this long shows a typing indicator.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(700);

    /// <summary>How often the typing indicator is repeated while the turn is still running (the protocol asks for at most every 2–3 s).</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(2.5);
}
