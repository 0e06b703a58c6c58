using ChatService.Nlu;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Nlu;

public sealed class NluHostTests
{
    [Fact]
    public void Host_StartsWithAModelTrainedFromTheRepositoryData()
    {
        var modelPath = Path.Combine(Path.GetTempPath(), $"nlu-host-{Guid.NewGuid():N}.zip");
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
                builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(
                    new Dictionary<string, string?> { ["Nlu:ModelPath"] = modelPath, ["Nlu:WatchModelFile"] = "false" })));
            var classifier = factory.Services.GetRequiredService<IIntentClassifier>();

            Assert.True(classifier.IsReady);
            Assert.True(File.Exists(modelPath));
            Assert.Equal(Intents.ClaimReport, classifier.Classify("我要報案").Intent);
        }
        finally { File.Delete(modelPath); }
    }
}
