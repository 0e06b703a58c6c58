using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatService.Transcripts;

/// <summary>"transcripts": unhealthy when the store does not accept a committed probe write.</summary>
public sealed class TranscriptsHealthCheck(ITranscriptStore store) : IHealthCheck
{
    public const string Name = "transcripts";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.ProbeWritableAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The transcript store accepts writes.")
                : HealthCheckResult.Unhealthy("The transcript store does not accept writes.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The transcript store could not be probed.", ex);
        }
    }
}
