using System.Diagnostics;
using System.Net;
using ChatService.KnowledgeBase.Search;
using ChatService.State;
using Xunit.Abstractions;

namespace ChatService.Tests.KnowledgeBase.Editing;

public sealed class KbScaleOutTests(ITestOutputHelper output)
{
    /// <summary>
    /// Two instances share one data directory (the SQLite store) and one state store (in memory here, shared by
    /// instance; Redis when scaled out for real). A publish on the first reaches the second's searcher by its poll.
    /// </summary>
    [Fact]
    public async Task Publish_OnOneInstance_ReachesTheOtherWithin2Seconds()
    {
        var dataDirectory = KbTestHost.NewDataDirectory();
        var state = new InMemoryStateStore(TimeProvider.System);
        try
        {
            await using var first = KbTestHost.Start(dataDirectory, state);
            await using var second = KbTestHost.Start(dataDirectory, state);
            Assert.Equal(first.Searcher.Current.Entries.Count, second.Searcher.Current.Entries.Count);
            var alice = first.Client("alice");
            var bob = first.Client("bob");
            await KbBodies.CreateAsync(alice, KbBodies.Topic("value-bonsai-care", "盆景养护", "bonsai care"));
            await KbBodies.StepAsync(alice, "value-bonsai-care", "submit");
            await KbBodies.StepAsync(bob, "value-bonsai-care", "approve");

            var published = await KbBodies.StepAsync(bob, "value-bonsai-care", "publish");
            var clock = Stopwatch.StartNew();

            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal("value-bonsai-care", first.Searcher.Ask("how do I apply for bonsai care").Best?.Entry.Id);
            while (second.Searcher.Ask("how do I apply for bonsai care").Best?.Entry.Id != "value-bonsai-care" && clock.Elapsed < TimeSpan.FromSeconds(15))
                await Task.Delay(50);
            var elapsed = clock.Elapsed;
            output.WriteLine($"publish reached the second instance after {elapsed.TotalMilliseconds:0} ms");
            var decision = second.Searcher.Ask("how do I apply for bonsai care");
            Assert.Equal(FaqDecisionKind.Answer, decision.Kind);
            Assert.Equal("value-bonsai-care", decision.Best!.Entry.Id);
            // The 2 s goal is a measured figure (printed above), not a timed assertion: a busy CI machine must not fail it.
        }
        finally { KbTestHost.DeleteDataDirectory(dataDirectory); }
    }
}
