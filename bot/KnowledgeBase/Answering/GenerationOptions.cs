namespace ChatService.KnowledgeBase.Answering;

/// <summary>
/// The <c>KnowledgeBase:Generation</c> section: an OpenAI-compatible chat endpoint that may compose an answer from the
/// manual passages found for a question, citing them. Off by default; without it the bot shows an excerpt.
/// </summary>
public sealed class GenerationOptions
{
    public const string Section = "KnowledgeBase:Generation";

    /// <summary>Turns grounded answers on; also needs <see cref="Endpoint"/> and <see cref="Model"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The API base, e.g. <c>http://llm.internal:8000/v1</c> (requests go to <c>{Endpoint}/chat/completions</c>).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The model name the endpoint serves.</summary>
    public string Model { get; set; } = "";

    /// <summary>The API key, if the endpoint wants one (set it through an environment variable, not the file).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long a customer waits for the model before getting the excerpt instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How many passages (best first) the model is given.</summary>
    public int Passages { get; set; } = 3;

    public bool IsConfigured => Enabled && Uri.TryCreate(Endpoint, UriKind.Absolute, out _) && Model.Length > 0;
}
