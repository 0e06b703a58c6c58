namespace ChatService.Pipeline;

/// <summary>
/// Counts turns in flight so that shutdown waits for them to finish; once stopping, new turns are refused
/// (the endpoints answer 503 and the channel retries on another instance).
/// </summary>
public sealed partial class TurnDrain(ILogger<TurnDrain> logger) : IHostedService
{
    private int _inFlight;
    private volatile bool _stopping;
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int InFlight => Volatile.Read(ref _inFlight);

    public IDisposable Enter()
    {
        if (_stopping) throw new ShuttingDownException();
        Interlocked.Increment(ref _inFlight);
        return new Exit(this);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (InFlight == 0) return;
        LogDraining(InFlight);
        await _idle.Task.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping) _idle.TrySetResult();
    }

    private sealed class Exit(TurnDrain drain) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) drain.Leave();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {Count} turn(s) in flight")]
    private partial void LogDraining(int count);
}

/// <summary>The service is shutting down and takes no new turns.</summary>
public sealed class ShuttingDownException() : Exception("The service is shutting down.");
