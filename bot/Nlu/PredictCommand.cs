using System.Text.Json;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace ChatService.Nlu;

/// <summary><c>nlu predict "text"</c>: prints the full <see cref="IntentResult"/> as JSON.</summary>
public static class PredictCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static int Run(NluCommandContext context, string text)
    {
        var model = IntentModel.Load(context.ModelPath);
        var classifier = new IntentClassifier(new IntentModelHolder(model), new EntityExtractor(context.Identifiers),
            Options.Create(context.Options));
        Console.WriteLine(JsonSerializer.Serialize(classifier.Classify(text), Json));
        return 0;
    }
}
