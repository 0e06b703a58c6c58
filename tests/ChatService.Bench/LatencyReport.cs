using System.Diagnostics;
using System.Globalization;

namespace ChatService.Bench;

/// <summary>Collects per-turn latencies and errors from many workers and prints the summary.</summary>
public sealed class LatencyReport
{
    private readonly List<long> _ticks = [];
    private readonly Dictionary<string, int> _errors = [];

    public int Turns { get { lock (_ticks) return _ticks.Count; } }

    public void Add(IEnumerable<long> ticks)
    {
        lock (_ticks) _ticks.AddRange(ticks);
    }

    public void Error(string kind)
    {
        lock (_errors) _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
    }

    public void Print(string mode, BenchOptions options, PhaseUsage usage)
    {
        long[] sorted;
        lock (_ticks) sorted = [.. _ticks.Order()];
        var errors = _errors.Values.Sum();
        var seconds = usage.Elapsed.TotalSeconds;
        var pacing = options.RatePerConversation > 0
            ? $", paced {options.RatePerConversation:0.##}/s each = {options.Conversations * options.RatePerConversation:F0} turns/s offered"
            : ", closed loop";
        Console.WriteLine($"mode             {mode}  ({options.Url}, {options.Conversations} conversations{pacing}, {seconds:F1} s measured)");
        Console.WriteLine($"turns            {sorted.Length}");
        Console.WriteLine($"turns/s          {(sorted.Length / seconds).ToString("F0", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"latency p50      {Ms(sorted, 0.50)} ms");
        Console.WriteLine($"latency p95      {Ms(sorted, 0.95)} ms");
        Console.WriteLine($"latency p99      {Ms(sorted, 0.99)} ms");
        Console.WriteLine($"latency max      {Ms(sorted, 1.0)} ms");
        Console.WriteLine($"errors           {errors}{(errors == 0 ? "" : "  " + string.Join(", ", _errors.Select(e => $"{e.Key}={e.Value}")))}");
        if (usage.ServerPeakRssKb is { } kb) Console.WriteLine($"server peak RSS  {kb / 1024.0:F0} MB (VmHWM)");
        if (sorted.Length == 0) return;
        if (usage.ServerCpu is { } cpu)
            Console.WriteLine($"server CPU       {cpu.TotalSeconds:F1} s = {cpu.TotalMilliseconds / sorted.Length:F3} ms per turn ({cpu.TotalSeconds / seconds:F2} cores busy)");
        Console.WriteLine($"generator CPU    {usage.GeneratorCpu.TotalSeconds:F1} s = {usage.GeneratorCpu.TotalMilliseconds / sorted.Length:F3} ms per turn ({usage.GeneratorCpu.TotalSeconds / seconds:F2} cores busy)");
    }

    private static string Ms(long[] sorted, double quantile)
    {
        if (sorted.Length == 0) return "-";
        var index = Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1);
        return (sorted[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency).ToString("F1", CultureInfo.InvariantCulture);
    }
}
