namespace ChatService.Bench;

/// <summary>Reads a process's peak resident set size from /proc (Linux).</summary>
public static class ProcessMemory
{
    public static long? PeakRssKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // the process is gone
        }
        return null;
    }
}
