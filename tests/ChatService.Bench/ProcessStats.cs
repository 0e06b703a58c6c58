using System.Diagnostics;
using System.Globalization;

namespace ChatService.Bench;

/// <summary>What a measured phase cost: its wall time, the server's CPU and peak RSS, and the load generator's own CPU.</summary>
public sealed record PhaseUsage(TimeSpan Elapsed, TimeSpan? ServerCpu, long? ServerPeakRssKb, TimeSpan GeneratorCpu);

/// <summary>Reads a server process's peak resident set size and CPU time from /proc (Linux).</summary>
public static class ProcessStats
{
    /// <summary>Starts measuring a phase; <see cref="PhaseMeter.Stop"/> ends it.</summary>
    public static PhaseMeter Measure(int? serverPid) => new(serverPid);

    public sealed class PhaseMeter
    {
        private readonly int? _serverPid;
        private readonly TimeSpan? _serverCpu;
        private readonly TimeSpan _generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long _start = Stopwatch.GetTimestamp();

        internal PhaseMeter(int? serverPid)
        {
            _serverPid = serverPid;
            _serverCpu = serverPid is { } pid ? CpuTime(pid) : null;
        }

        public PhaseUsage Stop() => new(
            Stopwatch.GetElapsedTime(_start),
            _serverPid is { } pid ? CpuTime(pid) - _serverCpu : null,
            _serverPid is { } p ? PeakRssKb(p) : null,
            Process.GetCurrentProcess().TotalProcessorTime - _generatorCpu);
    }

    public static long? PeakRssKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // the process is gone
        }
        return null;
    }

    /// <summary>User + system CPU time the process has used so far. On a shared machine this, per turn, is steadier than turns/s.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // fields after the parenthesised command name; utime and stime are fields 14 and 15 (clock ticks, 100 per second here)
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
