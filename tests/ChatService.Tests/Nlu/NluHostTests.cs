using ChatService.Nlu;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Nlu;

[Collection(RepoModelCollection.Name)]
public sealed class NluHostTests(RepoModelFixture fixture)
{
    [Fact]
    public void Host_LoadsTheModelAtStartUp()
    {
        // A model trained on the current data (same fingerprint) is loaded, not retrained; training at start-up is
        // covered by NluModelServiceTests.
        var modelPath = Path.Combine(Path.GetTempPath(), $"nlu-host-{Guid.NewGuid():N}.zip");
        fixture.Result.Model.Save(modelPath);
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
                builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(
                    new Dictionary<string, string?> { ["Nlu:ModelPath"] = modelPath, ["Nlu:WatchModelFile"] = "false" })));
            var classifier = factory.Services.GetRequiredService<IIntentClassifier>();

            Assert.True(classifier.IsReady);
            Assert.Equal(Intents.ClaimReport, classifier.Classify("我要報案").Intent);
        }
        finally { File.Delete(modelPath); }
    }
}
