using System.Globalization;

namespace ChatService.Bench;

/// <summary>Reads a server process's peak resident set size and CPU time from /proc (Linux).</summary>
public static class ProcessStats
{
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
