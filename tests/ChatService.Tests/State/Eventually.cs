namespace ChatService.Tests.State;

/// <summary>Waits for a condition that becomes true by itself (an expiry, a reconnect), failing after a generous deadline.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {seconds} s: {what}");
            await Task.Delay(25);
        }
    }
}
