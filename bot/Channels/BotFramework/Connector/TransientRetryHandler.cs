using System.Net;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.BotFramework.Connector;

/// <summary>
/// Retries Connector and token calls that failed transiently (429, 5xx other than 501/505, no connection),
/// with exponential backoff that honours a short Retry-After. Channels do answer 500 ServiceError now and then.
/// </summary>
public sealed class TransientRetryHandler(IOptions<BotFrameworkOptions> options) : DelegatingHandler
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var retries = Math.Max(0, options.Value.ConnectorRetries);
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (attempt >= retries || !IsTransient(response.StatusCode)) return response;
                retryAfter = response.Headers.RetryAfter?.Delta;
                response.Dispose();
            }
            catch (HttpRequestException) when (attempt < retries)
            {
                // connection refused or reset: worth another try
            }
            var backoff = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt));
            await Task.Delay(retryAfter is { } wait && wait > backoff ? (wait < MaxDelay ? wait : MaxDelay) : backoff, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);
}
