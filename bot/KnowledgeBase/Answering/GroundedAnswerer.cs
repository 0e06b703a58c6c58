using ChatService.KnowledgeBase.Documents;
using Microsoft.Extensions.Options;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace ChatService.KnowledgeBase.Answering;

/// <summary>
/// Asks the configured OpenAI-compatible endpoint (through Semantic Kernel's OpenAI connector) to answer from the
/// given passages only. Never throws to the caller: a timeout or any failure of the endpoint is
/// <see cref="GroundedOutcomeKind.Failed"/>, and the bot then shows the excerpt.
/// </summary>
public sealed partial class GroundedAnswerer(IOptionsMonitor<GenerationOptions> options, ILogger<GroundedAnswerer> logger) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    private volatile Connector? _client;

    public bool IsEnabled => options.CurrentValue.IsConfigured;

    public int PassageCount => Math.Max(1, options.CurrentValue.Passages);

    public async Task<GroundedAnswer> AnswerAsync(string question, IReadOnlyList<Passage> passages, string language, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.IsConfigured || passages.Count == 0) return GroundedAnswer.Failed;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            var reply = await Service(settings).GetChatMessageContentAsync(
                GroundedPrompt.Build(question, passages, language),
                new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 400 },
                kernel: null, timeout.Token);
            var answer = GroundedAnswerParser.Parse(reply.Content, passages);
            if (answer.Kind == GroundedOutcomeKind.Failed) LogUnusable(settings.Model);
            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(settings.Timeout.TotalSeconds);
            return GroundedAnswer.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, settings.Endpoint);
            return GroundedAnswer.Failed;
        }
    }

    /// <summary>One connector per endpoint settings; rebuilt when the configuration changes.</summary>
    private OpenAIChatCompletionService Service(GenerationOptions settings)
    {
        var key = $"{settings.Endpoint}|{settings.Model}|{settings.ApiKey}";
        if (_client is { } current && current.Key == key) return current.Service;
        // OpenAI-compatible servers without authentication still get a (dummy) key: the OpenAI client requires one.
        // No retries: the customer is waiting, and a failure falls back to the excerpt at once.
        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey.Length > 0 ? settings.ApiKey : "none"), new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.Endpoint),
            Transport = new HttpClientPipelineTransport(_http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
        var service = new OpenAIChatCompletionService(settings.Model, client);
        _client = new Connector(key, service);
        return service;
    }

    public void Dispose() => _http.Dispose();

    private sealed record Connector(string Key, OpenAIChatCompletionService Service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grounded answer: the model did not answer within {Seconds} s; showing the excerpt")]
    private partial void LogTimedOut(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grounded answer: the endpoint {Endpoint} failed; showing the excerpt")]
    private partial void LogFailed(Exception ex, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grounded answer: model {Model} replied without valid citations; showing the excerpt")]
    private partial void LogUnusable(string model);
}
