using System.Globalization;

namespace ChatService.Bench;

/// <summary>Command-line options shared by every mode.</summary>
/// <param name="RatePerConversation">Turns per second each conversation sends (paced); 0 = the next as soon as the answer arrived.</param>
public sealed record BenchOptions(Uri Url, int Conversations, TimeSpan Duration, TimeSpan Warmup, int? ServerPid, double RatePerConversation = 0)
{
    public static BenchOptions Parse(string[] args)
    {
        var url = new Uri("http://127.0.0.1:5080");
        int conversations = 200, seconds = 20, warmup = 3;
        int? pid = null;
        double rate = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = new Uri(value); break;
                case "--conversations": conversations = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--pid": pid = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
            i++;
        }
        return new BenchOptions(url, conversations, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), pid, rate);
    }
}
